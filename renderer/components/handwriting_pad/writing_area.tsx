import { type PointerEvent, useEffect, useRef } from 'react';
import type { Point, Stroke } from '../../input/handwriting/stroke_codec';

/** Limits that keep a runaway pointer (or a hostile script) from growing the ink without end. */
const MAX_STROKES = 60;
const MAX_POINTS = 2_000;

interface WritingAreaProps {
  strokes: readonly Stroke[];
  onStroke: (stroke: Stroke) => void;
  label: string;
}

/**
 * A large square for writing one character with a finger or stylus. Ink is drawn thick in the theme's text
 * colour on its surface colour (so every theme has high contrast), with a faint cross as a guide. A stroke
 * ends when the pointer lifts or leaves; only then is it handed on.
 */
export function WritingArea({ strokes, onStroke, label }: WritingAreaProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const current = useRef<Point[] | null>(null);

  useEffect(() => draw(canvas.current, strokes, null));

  const point = (event: PointerEvent<HTMLCanvasElement>): Point => {
    const box = event.currentTarget.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  };
  const finish = () => {
    const stroke = current.current;
    current.current = null;
    if (stroke && stroke.length > 0 && strokes.length < MAX_STROKES) onStroke(stroke);
  };

  return (
    <canvas
      ref={canvas}
      className="writing-area"
      role="img"
      aria-label={label}
      onPointerDown={(event) => {
        event.preventDefault();
        event.currentTarget.setPointerCapture?.(event.pointerId);
        current.current = [point(event)];
        draw(canvas.current, strokes, current.current);
      }}
      onPointerMove={(event) => {
        const stroke = current.current;
        if (!stroke || stroke.length >= MAX_POINTS) return;
        stroke.push(point(event));
        draw(canvas.current, strokes, stroke);
      }}
      onPointerUp={finish}
      onPointerCancel={finish}
      onLostPointerCapture={finish}
    />
  );
}

function draw(canvas: HTMLCanvasElement | null, strokes: readonly Stroke[], current: Stroke | null): void {
  // jsdom has no canvas: nothing to draw there
  const context = canvas?.getContext?.('2d');
  if (!canvas || !context) return;
  const box = canvas.getBoundingClientRect();
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(box.width * ratio)) canvas.width = Math.round(box.width * ratio);
  if (canvas.height !== Math.round(box.height * ratio)) canvas.height = Math.round(box.height * ratio);
  const style = getComputedStyle(canvas);
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, box.width, box.height);
  // the guide cross
  context.strokeStyle = style.borderColor;
  context.lineWidth = 1;
  context.setLineDash([6, 6]);
  context.beginPath();
  context.moveTo(box.width / 2, 0);
  context.lineTo(box.width / 2, box.height);
  context.moveTo(0, box.height / 2);
  context.lineTo(box.width, box.height / 2);
  context.stroke();
  context.setLineDash([]);
  // the ink: thick, round, in the text colour
  context.strokeStyle = style.color;
  context.lineWidth = Math.max(6, box.width / 28);
  context.lineCap = 'round';
  context.lineJoin = 'round';
  for (const stroke of current ? [...strokes, current] : strokes) {
    context.beginPath();
    context.moveTo(stroke[0]![0], stroke[0]![1]);
    for (const [x, y] of stroke.slice(1)) context.lineTo(x, y);
    if (stroke.length === 1) context.lineTo(stroke[0]![0] + 0.1, stroke[0]![1]);
    context.stroke();
  }
}
