import { z } from 'zod';
import { callKindSchema } from '../video/roster';
import { chatTextSchema, presenceMessageSchema, signalDataSchema } from '../video/signal_messages';
import { iceServerSchema } from '../video/video_config';
import { visitorMethod } from './define';

const callId = z.string().regex(/^c-[0-9a-f]{16}$/);

/** What the call screen may send to the hub through the core (never `hello`: the core holds the token). */
export const kioskSignalSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), kind: callKindSchema }).strict(),
  z
    .object({ type: z.literal('signal'), callId, to: z.string().max(40).optional(), data: signalDataSchema })
    .strict(),
  z.object({ type: z.literal('chat'), callId, text: chatTextSchema }).strict(),
  z.object({ type: z.literal('hangup'), callId }).strict(),
]);
export type KioskSignal = z.infer<typeof kioskSignalSchema>;

export const videoMethods = {
  /** Opens (or reuses) the core's signalling link to the hub; the roster and presence follow as events. */
  'video.open': visitorMethod(
    z.object({}).strict(),
    z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        iceServers: z.array(iceServerSchema),
        /** The centre's phone for the "nobody can answer" panel (12348 is shown always). */
        centrePhone: z.string().max(32),
        /** The latest presence the link has seen, so a screen that opens on a live link needs no new event. */
        presence: presenceMessageSchema.nullable(),
      }),
      z.object({
        ok: z.literal(false),
        reason: z.enum(['not_provisioned', 'hub_unreachable', 'refused']),
        centrePhone: z.string().max(32),
      }),
    ]),
  ),
  'video.send': visitorMethod(
    z.object({ message: kioskSignalSchema }).strict(),
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), reason: z.literal('not_connected') }),
    ]),
  ),
  /** Leaving the call screen: the link closes (presence updates stop). */
  'video.close': visitorMethod(z.object({}).strict(), z.object({ ok: z.literal(true) })),
} as const;
