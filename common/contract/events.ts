import { z } from 'zod';
import { formIdSchema } from '../forms/template_schema';
import { LANGUAGES } from '../languages';
import { serverMessageSchema } from '../video/signal_messages';
import { event } from './define';
import { CARD_FAILURES } from './idcard_methods';

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
  /**
   * The ID card reader while armed for a draft (`idcard.arm`): a card is being read; it filled these steps of
   * that draft (never the values: the screen reads the draft); it failed and why; it was taken away.
   * `offerLanguage`: the card says 蒙古族 and this terminal offers Mongolian (the visitor is asked once).
   */
  'idcard.state': event(
    z.discriminatedUnion('state', [
      z.object({ state: z.literal('reading') }),
      z.object({
        state: z.literal('read'),
        draftId: z.string().uuid(),
        holder: formIdSchema,
        filled: z.array(formIdSchema).max(20),
        offerLanguage: z.enum(LANGUAGES).nullable(),
      }),
      z.object({ state: z.literal('failed'), reason: z.enum(CARD_FAILURES) }),
      z.object({ state: z.literal('removed') }),
    ]),
  ),
} as const;

export type EventName = keyof typeof contractEvents;
export type EventPayload<E extends EventName> = z.output<(typeof contractEvents)[E]['payload']>;
