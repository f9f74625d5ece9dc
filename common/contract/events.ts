import { z } from 'zod';
import { event } from './define';

/** Events the core pushes to the renderer. Feature modules add theirs here. */
export const contractEvents = {
  'system.heartbeat': event(z.object({ at: z.string() })),
} as const;

export type EventName = keyof typeof contractEvents;
export type EventPayload<E extends EventName> = z.output<(typeof contractEvents)[E]['payload']>;
