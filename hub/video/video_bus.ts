import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { z } from 'zod';
import { callKindSchema } from '../../common/video/roster';
import { clientMessageSchema, serverMessageSchema } from '../../common/video/signal_messages';
import type { Logger } from '../../node_shared/logger';

const nodeSchema = z.string().regex(/^[0-9a-f]{8}$/);

/** What a hub process tells the others about one of its agents. */
export const agentSnapshotSchema = z
  .object({
    id: z.string().max(40),
    node: nodeSchema,
    tokenId: z.string().max(40),
    centres: z.array(z.string().max(64)).max(200).nullable(),
    name: z.string().max(60),
    kinds: z.array(callKindSchema).max(4),
    available: z.boolean(),
    busy: z.boolean(),
  })
  .strict();
export type AgentSnapshot = z.infer<typeof agentSnapshotSchema>;

/** The messages hub processes exchange about video calls. */
export const busMessageSchema = z.discriminatedUnion('t', [
  /** A process's agents, on every change and every 2 s (its heartbeat). */
  z
    .object({ t: z.literal('agents'), node: nodeSchema, agents: z.array(agentSnapshotSchema).max(5000) })
    .strict(),
  /** A process is stopping. */
  z.object({ t: z.literal('bye'), node: nodeSchema }).strict(),
  /** Send this to one of your parties. */
  z
    .object({
      t: z.literal('deliver'),
      to: nodeSchema,
      party: z.string().max(40),
      message: serverMessageSchema,
    })
    .strict(),
  /** One of my agents acts on a call you own. */
  z
    .object({ t: z.literal('act'), to: nodeSchema, from: agentSnapshotSchema, message: clientMessageSchema })
    .strict(),
]);
export type BusMessage = z.infer<typeof busMessageSchema>;

export interface VideoBus {
  /** This process's id (8 hex digits), the first digits of every call id it owns. */
  readonly node: string;
  publish(message: BusMessage): void;
  onMessage(handler: (message: BusMessage) => void): void;
  close(): Promise<void>;
}

/** The process that owns a call: the 8 hex digits after `c-`. */
export function ownerOf(callId: string): string {
  return callId.slice(2, 10);
}

const CHANNEL = 'hub_video';
/** NOTIFY payloads must stay under 8000 bytes; a larger message (an SDP offer) goes through a table. */
const MAX_NOTIFY_BYTES = 7_500;

/**
 * The video bus over PostgreSQL's LISTEN/NOTIFY: one connection listens, one sends (one connection, so the
 * messages of this process arrive in the order it sent them). A message too large for NOTIFY is written to
 * `video_spill` and its row id notified instead; rows older than a minute are deleted.
 */
export async function openPostgresVideoBus(url: string, logger: Logger): Promise<VideoBus> {
  const node = randomBytes(4).toString('hex');
  const handlers: ((message: BusMessage) => void)[] = [];
  const sender = new pg.Client({ connectionString: url });
  const listener = new pg.Client({ connectionString: url });
  sender.on('error', (error) => logger.error('hub.video_bus_failed', { error: error.name }));
  listener.on('error', (error) => logger.error('hub.video_bus_failed', { error: error.name }));
  await sender.connect();
  await listener.connect();

  const dispatch = (text: string) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return;
    }
    const message = busMessageSchema.safeParse(parsed);
    if (!message.success) {
      logger.warn('hub.video_bus_malformed', {});
      return;
    }
    for (const handler of handlers) handler(message.data);
  };
  listener.on('notification', (notification) => {
    const payload = notification.payload ?? '';
    const spilled = /^spill:(\d{1,15})$/.exec(payload);
    if (!spilled) return dispatch(payload);
    sender
      .query<{ body: string }>('SELECT body FROM video_spill WHERE id = $1', [Number(spilled[1])])
      .then(({ rows }) => rows[0] && dispatch(rows[0].body))
      .catch((error: Error) => logger.error('hub.video_bus_failed', { error: error.name }));
  });
  await listener.query(`LISTEN ${CHANNEL}`);

  let closed = false;
  return {
    node,
    publish(message) {
      if (closed) return;
      const text = JSON.stringify(message);
      const sent =
        Buffer.byteLength(text) <= MAX_NOTIFY_BYTES
          ? sender.query('SELECT pg_notify($1, $2)', [CHANNEL, text])
          : sender
              .query<{ id: number }>(
                `WITH gone AS (DELETE FROM video_spill WHERE at_ms < $2)
                 INSERT INTO video_spill (body, at_ms) VALUES ($1, $3) RETURNING id`,
                [text, Date.now() - 60_000, Date.now()],
              )
              .then(({ rows }) =>
                sender.query('SELECT pg_notify($1, $2)', [CHANNEL, `spill:${rows[0]!.id}`]),
              );
      sent.catch((error: Error) => logger.error('hub.video_bus_failed', { error: error.name }));
    },
    onMessage(handler) {
      handlers.push(handler);
    },
    async close() {
      closed = true;
      // Queries run in order: once this one answers, everything published before it (the bye) was sent.
      await sender.query('SELECT 1').catch(() => undefined);
      await listener.end().catch(() => undefined);
      await sender.end().catch(() => undefined);
    },
  };
}
