import { z } from 'zod';
import { serverMessageSchema } from '../video/signal_messages';
import { event } from './define';

/** Events the core pushes to the renderer. Feature modules add theirs here. */
export const contractEvents = {
  'system.heartbeat': event(z.object({ at: z.string() })),
  /** A message from the hub's video signalling, passed on by the core (see core/video). */
  'video.message': event(serverMessageSchema),
  'video.link': event(z.object({ state: z.literal('closed') })),
  /** The call screen opened (camera and microphone may be allowed) or closed. */
  'video.screen': event(z.object({ active: z.boolean() })),
  /** The contracted external service closed: by the kiosk or normally (`ended`) or by failing (`error`). */
  'video.external': event(z.object({ state: z.literal('closed'), outcome: z.enum(['ended', 'error']) })),
  /** The technician's camera and microphone test is running (media may be allowed) or has ended. */
  'technician.media': event(z.object({ active: z.boolean() })),
} as const;

export type EventName = keyof typeof contractEvents;
export type EventPayload<E extends EventName> = z.output<(typeof contractEvents)[E]['payload']>;
