import { useEffect } from 'react';
import type { SessionStore } from '../../state/session_store';
import { useSessionActivityReport } from './session_activity_report';

/** Press and hold the centre name this long to open technician mode. */
export const LONG_PRESS_MS = 5000;
/** Or type this key sequence (a USB keyboard on the service port) within `CHORD_WINDOW_MS`. */
export const CHORD = ['F9', 'F9', 'F10', 'F10'] as const;
const CHORD_WINDOW_MS = 3000;
const HOLD_TARGET = '.app-subtitle';

/**
 * The hidden, documented way into technician mode (nothing on screen invites a visitor to try it), and
 * the session report for the update service. Renders nothing.
 */
export function TechnicianEntry({ store }: { store: SessionStore }) {
  useSessionActivityReport(store);
  useEffect(() => {
    const open = () => store.navigate({ name: 'technician' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cancel = () => clearTimeout(timer);
    const onDown = (event: PointerEvent) => {
      if (!(event.target instanceof Element) || !event.target.closest(HOLD_TARGET)) return;
      cancel();
      timer = setTimeout(open, LONG_PRESS_MS);
    };
    let pressed: { key: string; at: number }[] = [];
    const onKey = (event: KeyboardEvent) => {
      const now = Date.now();
      pressed = [...pressed, { key: event.key, at: now }]
        .filter((p) => now - p.at <= CHORD_WINDOW_MS)
        .slice(-CHORD.length);
      if (pressed.length === CHORD.length && pressed.every((p, i) => p.key === CHORD[i])) {
        pressed = [];
        event.preventDefault();
        open();
      }
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('pointerup', cancel);
    document.addEventListener('pointercancel', cancel);
    document.addEventListener('pointerleave', cancel);
    document.addEventListener('keydown', onKey);
    return () => {
      cancel();
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('pointerup', cancel);
      document.removeEventListener('pointercancel', cancel);
      document.removeEventListener('pointerleave', cancel);
      document.removeEventListener('keydown', onKey);
    };
  }, [store]);
  return null;
}
