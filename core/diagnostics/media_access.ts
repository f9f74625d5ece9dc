import type { EventBus } from '../event_bus';

/** Longest the media permission stays open for one camera/microphone test (the test itself runs ~10 s). */
export const MEDIA_ACCESS_MAX_MS = 60_000;

export interface MediaAccess {
  open(): void;
  /** One test ended; the permission closes when no test is open any more. */
  close(): void;
  /** Technician mode locked: close whatever is open. */
  closeAll(): void;
}

/**
 * Tells the shell (event `technician.media`) when the technician's camera/microphone test may use the
 * devices. Tests are counted, so a rerun's "close old" and "open new" may arrive in either order; the
 * permission closes with the last test, on lock, or after at most `maxMs` from the latest open.
 */
export function createMediaAccess(events: EventBus, maxMs = MEDIA_ACCESS_MAX_MS): MediaAccess {
  let open = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const closeAll = () => {
    if (open === 0) return;
    open = 0;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    events.emit('technician.media', { active: false });
  };
  return {
    open() {
      open += 1;
      if (open === 1) events.emit('technician.media', { active: true });
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(closeAll, maxMs);
      timer.unref?.();
    },
    close() {
      if (open === 1) closeAll();
      else if (open > 1) open -= 1;
    },
    closeAll,
  };
}

/** The shell's side: calls `listener` whenever the test's media access opens or closes. Returns the detach. */
export function onTechnicianMediaChange(events: EventBus, listener: (active: boolean) => void): () => void {
  return events.attach((name, payload) => {
    if (name === 'technician.media') listener((payload as { active: boolean }).active === true);
  });
}
