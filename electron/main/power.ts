import type { PowerSaveBlocker } from 'electron';

/** Keeps the kiosk's screen on (no dimming, no screensaver) while the app runs; returns the undo. */
export function keepDisplayAwake(
  blocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>,
): () => void {
  const id = blocker.start('prevent-display-sleep');
  return () => {
    if (blocker.isStarted(id)) blocker.stop(id);
  };
}
