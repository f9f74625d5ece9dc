import { type KeyboardEvent, type ReactNode, useLayoutEffect, useRef, useState } from 'react';

export interface GridKey {
  id: string;
  /** What is shown on the key. */
  face: ReactNode;
  /** The key's accessible name (spoken when focused), when the face is not plain text. */
  label?: string;
  lang?: string;
  wide?: boolean;
  pressed?: boolean;
  disabled?: boolean;
  onPress: () => void;
}

export interface GridRow {
  id: string;
  keys: GridKey[];
}

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select, [tabindex="0"]';

/** Moves focus to the control just before or after the grid in page order (leaving the keyboard). */
function focusOutside(grid: HTMLElement, direction: 1 | -1): boolean {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => !grid.contains(element) || element.tabIndex === 0,
  );
  const inside = all.filter((element) => grid.contains(element));
  const edge = direction === 1 ? inside[inside.length - 1] : inside[0];
  const target = edge ? all[all.indexOf(edge) + direction] : undefined;
  if (!target) return false;
  target.focus();
  return true;
}

/**
 * Rows of large keys, operable by touch, keypad and keyboard. One key is in the tab order (roving focus);
 * arrows move among keys — up/down to the key nearest in position — and leave the grid at its edges;
 * Enter and Space press the focused key (native buttons).
 */
export function KeyGrid({ rows, label, className }: { rows: GridRow[]; label: string; className?: string }) {
  const [current, setCurrent] = useState<string | null>(null);
  const gridRef = useRef<HTMLFieldSetElement>(null);
  const visibleRows = rows.filter((row) => row.keys.length > 0);
  const visible = visibleRows.map((row) => row.keys);
  const allIds = visible.flat().map((key) => key.id);
  // The keys pressed, latest last: where focus goes back to when the focused key vanishes.
  const pressed = useRef<string[]>([]);
  const tabbable = current && allIds.includes(current) ? current : allIds[0];

  // The focused key vanished (a candidate was chosen and its row emptied): focus goes back to the last key
  // pressed that is still there (the letter just typed, where the next word starts from), never to the page
  // body, and not to the keyboard's first key, a long walk away from the letters.
  useLayoutEffect(() => {
    const lost = document.activeElement === document.body || document.activeElement === null;
    if (!current || allIds.includes(current) || !lost) return;
    const back = pressed.current.findLast((id) => allIds.includes(id)) ?? tabbable;
    if (back) focusKey(back);
  });

  function focusKey(id: string) {
    setCurrent(id);
    const keys = gridRef.current?.querySelectorAll<HTMLButtonElement>('button[data-key]') ?? [];
    for (const key of keys) if (key.dataset.key === id) key.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFieldSetElement>) {
    const id = (event.target as HTMLElement).dataset.key;
    if (!id) return;
    const row = visible.findIndex((keys) => keys.some((key) => key.id === id));
    const column = visible[row]!.findIndex((key) => key.id === id);
    const keys = visible[row]!;
    let next: string | undefined;
    switch (event.key) {
      case 'ArrowLeft':
        next = keys[column - 1]?.id;
        break;
      case 'ArrowRight':
        next = keys[column + 1]?.id;
        break;
      case 'ArrowUp':
      case 'ArrowDown': {
        const target = visible[row + (event.key === 'ArrowUp' ? -1 : 1)];
        if (target) {
          // the key whose centre is nearest, by position along the row
          const position = (column + 0.5) / keys.length;
          next = target[Math.min(target.length - 1, Math.floor(position * target.length))]!.id;
        } else if (gridRef.current && focusOutside(gridRef.current, event.key === 'ArrowUp' ? -1 : 1)) {
          event.preventDefault();
        }
        break;
      }
      default:
        return;
    }
    if (next) {
      event.preventDefault();
      focusKey(next);
    }
  }

  return (
    // The fieldset only listens for arrow keys that bubble up from the keys inside it.
    <fieldset className={`key-grid ${className ?? ''}`} ref={gridRef} onKeyDown={onKeyDown}>
      <legend className="visually-hidden">{label}</legend>
      {visibleRows.map((row) => (
        <div className="key-grid__row" key={row.id}>
          {row.keys.map((key) => (
            <button
              key={key.id}
              type="button"
              data-key={key.id}
              className={`key-grid__key${key.wide ? ' key-grid__key--wide' : ''}`}
              tabIndex={key.id === tabbable ? 0 : -1}
              aria-label={key.label}
              aria-pressed={key.pressed}
              lang={key.lang}
              disabled={key.disabled}
              onFocus={() => setCurrent(key.id)}
              onClick={() => {
                pressed.current = [...pressed.current.filter((id) => id !== key.id).slice(-15), key.id];
                key.onPress();
              }}
            >
              {key.face}
            </button>
          ))}
        </div>
      ))}
    </fieldset>
  );
}
