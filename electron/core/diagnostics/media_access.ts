import type { EventBus } from '../event_bus';

/** Longest the media permission stays open for one camera/microphone test (the test itself runs ~10 s). */
export const MEDIA_ACCESS_MAX_MS = 60_000;

export interface MediaAccess {
  open(): void;
  close(): void;
}

/**
 * Tells the shell (event `technician.media`) when the technician's camera/microphone test may use the
 * devices: from `open` until `close`, technician mode locking, or at most `maxMs`, whichever comes first.
 */
export function createMediaAccess(events: EventBus, maxMs = MEDIA_ACCESS_MAX_MS): MediaAccess {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const close = () => {
    if (timer === null) return;
    clearTimeout(timer);
    timer = null;
    events.emit('technician.media', { active: false });
  };
  return {
    open() {
      if (timer !== null) clearTimeout(timer);
      else events.emit('technician.media', { active: true });
      timer = setTimeout(close, maxMs);
      timer.unref?.();
    },
    close,
  };
}

/** The shell's side: calls `listener` whenever the test's media access opens or closes. Returns the detach. */
export function onTechnicianMediaChange(events: EventBus, listener: (active: boolean) => void): () => void {
  return events.attach((name, payload) => {
    if (name === 'technician.media') listener((payload as { active: boolean }).active === true);
  });
}
