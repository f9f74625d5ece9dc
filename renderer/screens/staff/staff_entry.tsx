import { useEffect } from 'react';
import type { SessionStore } from '../../state/session_store';

/** Press and hold the kiosk title (top-left of the header) this long to open staff mode. */
export const STAFF_HOLD_MS = 3000;
/** Or type this key sequence on a service keyboard within `STAFF_CHORD_WINDOW_MS`. */
export const STAFF_CHORD = ['F10', 'F12', 'F10', 'F12'] as const;
const STAFF_CHORD_WINDOW_MS = 3000;
const HOLD_TARGET = '.app-title';
/** A finger that wanders this far (in CSS px) is scrolling or sliding, not holding. */
const MAX_DRIFT = 24;

/**
 * The hidden, documented way into staff mode. Nothing on screen shows it and nothing speaks it; it needs a
 * deliberate 3-second hold on the title without moving, which a visitor's tap or swipe never is.
 * Renders nothing.
 */
export function StaffEntry({ store }: { store: SessionStore }) {
  useEffect(() => {
    const open = () => {
      if (store.getState().screen.name !== 'staff') store.navigate({ name: 'staff' });
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    let origin: { x: number; y: number } | null = null;
    const cancel = () => {
      clearTimeout(timer);
      origin = null;
    };
    const onDown = (event: PointerEvent) => {
      cancel();
      if (!(event.target instanceof Element) || !event.target.closest(HOLD_TARGET)) return;
      origin = { x: event.clientX, y: event.clientY };
      timer = setTimeout(open, STAFF_HOLD_MS);
    };
    const onMove = (event: PointerEvent) => {
      if (origin && Math.hypot(event.clientX - origin.x, event.clientY - origin.y) > MAX_DRIFT) cancel();
    };
    let pressed: { key: string; at: number }[] = [];
    const onKey = (event: KeyboardEvent) => {
      const now = Date.now();
      pressed = [...pressed, { key: event.key, at: now }]
        .filter((p) => now - p.at <= STAFF_CHORD_WINDOW_MS)
        .slice(-STAFF_CHORD.length);
      if (pressed.length === STAFF_CHORD.length && pressed.every((p, i) => p.key === STAFF_CHORD[i])) {
        pressed = [];
        event.preventDefault();
        open();
      }
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('pointermove', onMove);
    document.addEventListener('pointerup', cancel);
    document.addEventListener('pointercancel', cancel);
    document.addEventListener('keydown', onKey);
    return () => {
      cancel();
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('pointermove', onMove);
      document.removeEventListener('pointerup', cancel);
      document.removeEventListener('pointercancel', cancel);
      document.removeEventListener('keydown', onKey);
    };
  }, [store]);
  return null;
}
