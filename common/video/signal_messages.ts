import { z } from 'zod';
import { callKindSchema, rosterSchema } from './roster';

/** The hub's signalling endpoint (WebSocket upgrade on the hub's own port). */
export const VIDEO_WS_PATH = '/api/v1/video/ws';
/** Largest frame the hub accepts; an SDP with many candidates stays well below. */
export const MAX_SIGNAL_FRAME_BYTES = 64 * 1024;
/** No answer within this long → the call ends with `no_answer` and the visitor is offered a callback. */
export const RING_TIMEOUT_MS = 60_000;

const callId = z.string().regex(/^c-[0-9a-f]{16}$/);
export const chatTextSchema = z.string().min(1).max(1000);

/** WebRTC payloads relayed verbatim between the two parties; the hub only checks shape and size. */
export const signalDataSchema = z.union([
  z
    .object({ sdp: z.object({ type: z.enum(['offer', 'answer']), sdp: z.string().max(30_000) }).strict() })
    .strict(),
  z
    .object({
      candidate: z
        .object({
          candidate: z.string().max(1000),
          sdpMid: z.string().max(64).nullable().optional(),
          sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
          usernameFragment: z.string().max(256).nullable().optional(),
        })
        .strict(),
    })
    .strict(),
]);
export type SignalData = z.infer<typeof signalDataSchema>;

/** Messages a kiosk or an agent console sends to the hub. The first one must be `hello`. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), token: z.string().min(1).max(600) }).strict(),
  // The name visitors see is the one the hub recorded for the token, never one the client sends.
  z.object({ type: z.literal('available'), kinds: z.array(callKindSchema).min(1).max(4) }).strict(),
  z.object({ type: z.literal('unavailable') }).strict(),
  z.object({ type: z.literal('call'), kind: callKindSchema }).strict(),
  z.object({ type: z.literal('answer'), callId }).strict(),
  z.object({ type: z.literal('invite'), callId, kind: callKindSchema }).strict(),
  z
    .object({ type: z.literal('signal'), callId, to: z.string().max(40).optional(), data: signalDataSchema })
    .strict(),
  z.object({ type: z.literal('chat'), callId, text: chatTextSchema }).strict(),
  z.object({ type: z.literal('hangup'), callId }).strict(),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export const END_REASONS = [
  'hangup',
  'no_answer',
  'no_agent',
  'peer_gone',
  'taken',
  'hub_unreachable',
] as const;
export type EndReason = (typeof END_REASONS)[number];

/** Who is on the roster and which kinds have a free agent now; sent on connect and on every change. */
export const presenceMessageSchema = z
  .object({ type: z.literal('presence'), roster: rosterSchema, freeKinds: z.array(callKindSchema).max(4) })
  .strict();
export type PresenceMessage = z.infer<typeof presenceMessageSchema>;

/** Messages the hub sends. `party` ids are per-connection handles (`p-…`), never tokens or names of visitors. */
export const serverMessageSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('welcome'), role: z.enum(['kiosk', 'agent']), party: z.string().max(40) })
    .strict(),
  presenceMessageSchema,
  z.object({ type: z.literal('calling'), callId, kind: callKindSchema }).strict(),
  z.object({ type: z.literal('ringing'), callId, kind: callKindSchema, invited: z.boolean() }).strict(),
  z
    .object({
      type: z.literal('connected'),
      callId,
      /** The party that must create the offer toward `peer`. */
      peer: z.string().max(40),
      peerName: z.string().max(60),
      makeOffer: z.boolean(),
    })
    .strict(),
  z.object({ type: z.literal('signal'), callId, from: z.string().max(40), data: signalDataSchema }).strict(),
  z
    .object({
      type: z.literal('chat'),
      callId,
      from: z.enum(['visitor', 'agent']),
      name: z.string().max(60),
      text: chatTextSchema,
    })
    .strict(),
  z.object({ type: z.literal('left'), callId, party: z.string().max(40) }).strict(),
  z.object({ type: z.literal('ended'), callId, reason: z.enum(END_REASONS) }).strict(),
  z.object({ type: z.literal('error'), code: z.string().max(40) }).strict(),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;

export type ParsedClientMessage =
  | { ok: true; message: ClientMessage }
  | { ok: false; code: 'malformed' | 'too_large' };

/** One frame from the wire: size first, then JSON, then the schema (no prototype keys survive `strict`). */
export function parseClientFrame(raw: string): ParsedClientMessage {
  if (raw.length > MAX_SIGNAL_FRAME_BYTES) return { ok: false, code: 'too_large' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, code: 'malformed' };
  }
  const parsed = clientMessageSchema.safeParse(value);
  return parsed.success ? { ok: true, message: parsed.data } : { ok: false, code: 'malformed' };
}
