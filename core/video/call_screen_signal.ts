import type { EventBus } from '../event_bus';

/**
 * Tells the shell when the call screen opens and closes (the core learns it from `video.open`/`video.close`),
 * so the permission policy allows camera and microphone only then. Returns the function that detaches.
 */
export function onCallScreenChange(events: EventBus, listener: (active: boolean) => void): () => void {
  return events.attach((name, payload) => {
    if (name === 'video.screen') listener((payload as { active: boolean }).active === true);
  });
}
