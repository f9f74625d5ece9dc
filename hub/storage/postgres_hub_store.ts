import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { ManifestItem } from '../../common/sync/protocol';
import { heartbeatSchema } from '../../common/sync/protocol';
import type { DeskMark, HubStore, PublishOutcome, RedeemOutcome, ReviewMark } from './hub_store';
import { decideOutcomes, type StoredIdentity } from './intake_outcomes';
import { POSTGRES_MIGRATIONS } from './postgres_migrations';
import {
  CANDIDATE_SQL,
  type CandidateRow,
  candidateOf,
  DESK_COLUMNS,
  type DeskRow,
  deskConditions,
  deskEntryOf,
  principalOf,
  type ReviewRow,
  reviewOf,
  type SubmissionRow,
  storedOf,
  type TokenRow,
  tokenRecordOf,
} from './store_rows';

const TOKEN_COLUMNS = 'token_id, role, terminal_id, centres, name, created_at, revoked_at';
/** Advisory lock ids (any constant bigint): migrations, and the order of sequence numbers. */
const MIGRATION_LOCK = 21_000_001;
const SUBMISSION_ORDER_LOCK = 21_000_002;
const DESK_ORDER_LOCK = 21_000_003;
const REVIEW_ORDER_LOCK = 21_000_004;

/** BIGINT columns hold sequence numbers and milliseconds, all well below 2^53: read them as numbers. */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    // Several hub processes may start at once: one migrates, the others wait and find nothing to do.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM schema_migrations',
    );
    const found = rows[0]?.v ?? 0;
    if (found > POSTGRES_MIGRATIONS.length)
      throw new Error(`The hub database was written by a newer hub (schema ${found}).`);
    for (let version = found + 1; version <= POSTGRES_MIGRATIONS.length; version++) {
      await client.query('BEGIN');
      await client.query(POSTGRES_MIGRATIONS[version - 1]!);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
        version,
        new Date().toISOString(),
      ]);
      await client.query('COMMIT');
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** Runs `work` in one transaction on one pooled connection. */
async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The hub store on PostgreSQL (`npm run hub -- --db postgres://…`), shared by several hub processes. The
 * unique uuid decides exactly-once intake as in SQLite; sequence numbers are handed out under an advisory
 * lock held to commit, so a reader paging by sequence number never skips a row another process commits
 * later with a smaller number.
 */
export async function openPostgresHubStore(url: string, options: { max?: number } = {}): Promise<HubStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
  // An idle client that loses its server (restart, network) must not crash the hub.
  pool.on('error', () => undefined);
  await migrate(pool);
  const query = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    (await pool.query<R>(sql, params)).rows;
  const secret = async (key: string, create: () => string) => {
    await query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
      key,
      create(),
    ]);
    return (await query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key]))[0]!.value;
  };
  const hubId = await secret('hub_id', () => randomBytes(8).toString('hex'));
  const deskEntry = async (client: pg.Pool | pg.PoolClient, uuid: string) =>
    (
      await client.query<DeskRow>(
        `SELECT ${DESK_COLUMNS} FROM submissions s LEFT JOIN desk_states d ON d.uuid = s.uuid WHERE s.uuid = $1`,
        [uuid],
      )
    ).rows[0];

  return {
    hubId,
    kind: 'postgres',
    addToken: async (token) => {
      await query(
        `INSERT INTO tokens (token_id, hash, role, terminal_id, centres, name, created_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          token.tokenId,
          token.hash,
          token.role,
          token.terminalId,
          token.centres === null ? null : JSON.stringify(token.centres),
          token.name,
          token.createdAt,
          token.revokedAt,
        ],
      );
    },
    findToken: async (hash) => {
      const [row] = await query<TokenRow>(
        `SELECT ${TOKEN_COLUMNS} FROM tokens WHERE hash = $1 AND revoked_at IS NULL`,
        [hash],
      );
      return row ? principalOf(row) : null;
    },
    revokeToken: async (tokenId, at) =>
      (
        await pool.query('UPDATE tokens SET revoked_at = $1 WHERE token_id = $2 AND revoked_at IS NULL', [
          at,
          tokenId,
        ])
      ).rowCount === 1,
    revokeTerminal: async (terminalId, at) =>
      (
        await query<{ token_id: string }>(
          'UPDATE tokens SET revoked_at = $1 WHERE terminal_id = $2 AND revoked_at IS NULL RETURNING token_id',
          [at, terminalId],
        )
      ).map((row) => row.token_id),
    listTokens: async () =>
      (await query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM tokens ORDER BY created_at, token_id`)).map(
        tokenRecordOf,
      ),
    revokedSince: async (since) =>
      (await query<{ token_id: string }>('SELECT token_id FROM tokens WHERE revoked_at >= $1', [since])).map(
        (row) => row.token_id,
      ),

    storeSubmissions: (items, receivedAt) =>
      inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [SUBMISSION_ORDER_LOCK]);
        const column = <T>(pick: (item: (typeof items)[number]) => T) => items.map(pick);
        const { rows: created } = await client.query<{ uuid: string }>(
          `INSERT INTO submissions (uuid, terminal_id, centre, template_id, template_version, payload, sha256,
             receipt_no, created_at, created_ms, received_at, priority, assisted)
           SELECT uuid, terminal_id, centre, template_id, template_version, payload, sha256, receipt_no,
             created_at, created_ms, $11, priority, assisted
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
               $8::text[], $9::text[], $10::bigint[], $12::int[], $13::boolean[]) WITH ORDINALITY
             AS u(uuid, terminal_id, centre, template_id, template_version, payload, sha256, receipt_no,
               created_at, created_ms, priority, assisted, n)
           ORDER BY n
           ON CONFLICT (uuid) DO NOTHING RETURNING uuid`,
          [
            column((i) => i.uuid),
            column((i) => i.envelope.terminalId),
            column((i) => i.centre),
            column((i) => i.envelope.templateId),
            column((i) => i.envelope.templateVersion),
            column((i) => i.envelope.payload),
            column((i) => i.envelope.sha256),
            column((i) => i.envelope.receiptNo),
            column((i) => i.envelope.createdAt),
            column((i) => Date.parse(i.envelope.createdAt)),
            receivedAt,
            column((i) => i.envelope.priority),
            column((i) => i.envelope.assisted),
          ],
        );
        const createdIds = new Set(created.map((row) => row.uuid));
        const { rows: stored } = await client.query<StoredIdentity>(
          'SELECT uuid, sha256, terminal_id, received_at FROM submissions WHERE uuid = ANY($1::text[])',
          [column((i) => i.uuid)],
        );
        const byId = new Map(stored.map((row) => [row.uuid, row]));
        // A uuid twice in one batch: only its first occurrence was inserted.
        const inserted = items.map(({ uuid }) => createdIds.delete(uuid));
        return decideOutcomes(
          hubId,
          items,
          inserted,
          items.map(({ uuid }) => byId.get(uuid)!),
        );
      }),
    listSubmissions: async (query_) => {
      const centres = query_.centres;
      if (centres?.length === 0) return [];
      const rows =
        centres === undefined
          ? await query<SubmissionRow>('SELECT * FROM submissions WHERE seq > $1 ORDER BY seq LIMIT $2', [
              query_.since,
              query_.limit,
            ])
          : await query<SubmissionRow>(
              'SELECT * FROM submissions WHERE seq > $1 AND centre = ANY($2::text[]) ORDER BY seq LIMIT $3',
              [query_.since, centres, query_.limit],
            );
      return rows.map(storedOf);
    },
    countSubmissions: async () =>
      (await query<{ n: number }>('SELECT count(*)::int AS n FROM submissions'))[0]!.n,

    deskPage: async (deskQuery) => {
      const { where, params } = deskConditions(deskQuery, (index) => `$${index}`);
      const rows = await query<DeskRow>(
        `SELECT ${DESK_COLUMNS} FROM submissions s LEFT JOIN desk_states d ON d.uuid = s.uuid
         ${where} ORDER BY s.seq DESC LIMIT $${params.length + 1}`,
        [...params, deskQuery.limit + 1],
      );
      const entries = rows.slice(0, deskQuery.limit).map(deskEntryOf);
      return { entries, next: rows.length > deskQuery.limit ? entries.at(-1)!.submission.seq : null };
    },
    deskEntry: async (uuid) => {
      const row = await deskEntry(pool, uuid);
      return row ? deskEntryOf(row) : null;
    },
    setDeskState: (change) =>
      inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [DESK_ORDER_LOCK]);
        const row = await deskEntry(client, change.uuid);
        if (!row) return null;
        if ((row.state ?? 'open') !== change.state)
          await client.query(
            `INSERT INTO desk_states (uuid, terminal_id, state, changed_at, changed_by, seq)
             VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(seq), 0) + 1 FROM desk_states))
             ON CONFLICT (uuid) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at,
               changed_by = excluded.changed_by, seq = excluded.seq`,
            [change.uuid, row.terminal_id, change.state, change.at, change.by],
          );
        return deskEntryOf((await deskEntry(client, change.uuid))!);
      }),
    deskMarks: async ({ terminalId, state, since, limit }) =>
      query<DeskMark>(
        `SELECT seq, uuid, terminal_id AS "terminalId", state, changed_at AS at FROM desk_states
         WHERE terminal_id = $1 AND state = $2 AND seq > $3 ORDER BY seq LIMIT $4`,
        [terminalId, state, since, limit],
      ),
    addDeskAudit: async (entry) => {
      await query('INSERT INTO desk_audit (at, token_id, action, uuid) VALUES ($1, $2, $3, $4)', [
        entry.at,
        entry.tokenId,
        entry.action,
        entry.uuid,
      ]);
    },
    latestDeskAudit: async (limit) =>
      query('SELECT at, token_id AS "tokenId", action, uuid FROM desk_audit ORDER BY id DESC LIMIT $1', [
        limit,
      ]),
    purgeHandled: async (handledBefore, at) =>
      (
        await pool.query(
          `UPDATE submissions SET payload = '', purged_at = $1
           WHERE purged_at IS NULL AND uuid IN
             (SELECT uuid FROM desk_states WHERE state = 'handled' AND changed_at < $2)`,
          [at, handledBefore],
        )
      ).rowCount ?? 0,

    addStatusKey: async ({ uuid, receiptNo, factorHash }) => {
      await query(
        'INSERT INTO status_keys (uuid, receipt_no, factor_hash) VALUES ($1, $2, $3) ON CONFLICT (uuid) DO NOTHING',
        [uuid, receiptNo, factorHash],
      );
    },
    statusCandidates: async (receiptNo) =>
      (await query<CandidateRow>(`${CANDIDATE_SQL}$1 LIMIT 20`, [receiptNo])).map(candidateOf),
    setReview: (uuid, review) =>
      inTransaction(pool, async (client) => {
        // Sequence numbers in commit order, as for the desk marks: a terminal paging the feed skips none.
        await client.query('SELECT pg_advisory_xact_lock($1)', [REVIEW_ORDER_LOCK]);
        const found = await client.query<{ terminal_id: string }>(
          'SELECT terminal_id FROM submissions WHERE uuid = $1',
          [uuid],
        );
        const terminalId = found.rows[0]?.terminal_id;
        if (terminalId === undefined) return false;
        const values = [
          uuid,
          review.state,
          review.note,
          JSON.stringify(review.details),
          review.at,
          review.by,
        ];
        await client.query(
          `INSERT INTO review_status (uuid, state, note, details, changed_at, changed_by, terminal_id, seq)
           VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT coalesce(max(seq), 0) + 1 FROM review_status))
           ON CONFLICT (uuid) DO UPDATE SET state = excluded.state, note = excluded.note,
             details = excluded.details, changed_at = excluded.changed_at, changed_by = excluded.changed_by,
             seq = excluded.seq`,
          [...values, terminalId],
        );
        await client.query(
          `INSERT INTO review_history (uuid, state, note, details, at, changed_by)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          values,
        );
        return true;
      }),
    review: async (uuid) => {
      const row = (
        await query<ReviewRow>(
          'SELECT state, note, details, changed_at, changed_by FROM review_status WHERE uuid = $1',
          [uuid],
        )
      )[0];
      return row ? reviewOf(row) : null;
    },
    reviewHistory: async (uuid) =>
      (
        await query<ReviewRow>(
          'SELECT state, note, details, at AS changed_at, changed_by FROM review_history WHERE uuid = $1 ORDER BY id',
          [uuid],
        )
      ).map(reviewOf),
    reviewMarks: async ({ terminalId, since, limit }) =>
      query<ReviewMark>(
        `SELECT seq, uuid, state, changed_at AS at FROM review_status
         WHERE terminal_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [terminalId, since, limit],
      ),

    secret,
    addEnrollmentCode: async (code) => {
      await query(
        `INSERT INTO enrollment_codes (code_id, hash, terminal_id, centre, template, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          code.codeId,
          code.hash,
          code.terminalId,
          code.centre,
          JSON.stringify(code.template),
          code.createdAt,
          code.expiresAt,
        ],
      );
    },
    enrollmentCodeExists: async (hash) =>
      (await query('SELECT 1 FROM enrollment_codes WHERE hash = $1', [hash])).length > 0,
    redeemEnrollmentCode: (hash, now) =>
      inTransaction(pool, async (client): Promise<RedeemOutcome> => {
        const { rows } = await client.query<{
          code_id: string;
          terminal_id: string;
          centre: string;
          template: string;
          expires_at: string;
          redeemed_at: string | null;
        }>(
          `SELECT code_id, terminal_id, centre, template, expires_at, redeemed_at FROM enrollment_codes
           WHERE hash = $1 FOR UPDATE`,
          [hash],
        );
        const row = rows[0];
        if (!row) return { ok: false, reason: 'unknown' };
        if (row.redeemed_at !== null) return { ok: false, reason: 'used' };
        if (Date.parse(row.expires_at) <= now.getTime()) return { ok: false, reason: 'expired' };
        await client.query('UPDATE enrollment_codes SET redeemed_at = $1 WHERE code_id = $2', [
          now.toISOString(),
          row.code_id,
        ]);
        return {
          ok: true,
          codeId: row.code_id,
          terminalId: row.terminal_id,
          centre: row.centre,
          template: JSON.parse(row.template) as unknown,
        };
      }),
    purgeEnrollmentCodes: async (before) => {
      await query('DELETE FROM enrollment_codes WHERE expires_at < $1', [before]);
    },
    takeAttempt: async (key, limit, nowMs) => {
      const refill =
        'LEAST($2::float8, attempt_buckets.tokens + ($4::bigint - attempt_buckets.at_ms) / 1000.0 * $3::float8)';
      const taken = await query(
        `INSERT INTO attempt_buckets (key, tokens, at_ms) VALUES ($1, $2::float8 - 1, $4)
         ON CONFLICT (key) DO UPDATE SET tokens = ${refill} - 1, at_ms = $4
           WHERE ${refill} >= 1
         RETURNING tokens`,
        [key, limit.burst, limit.perSecond, nowMs],
      );
      if (taken.length > 0) return 0;
      const [row] = await query<{ tokens: number; at_ms: number }>(
        'SELECT tokens, at_ms FROM attempt_buckets WHERE key = $1',
        [key],
      );
      const tokens = Math.min(limit.burst, row!.tokens + ((nowMs - row!.at_ms) / 1000) * limit.perSecond);
      return Math.max(1, Math.ceil(((1 - tokens) / limit.perSecond) * 1000));
    },
    refundAttempt: async (key, limit, nowMs) => {
      await query(
        `UPDATE attempt_buckets SET tokens = LEAST($2::float8, tokens + ($4::bigint - at_ms) / 1000.0 * $3::float8 + 1),
           at_ms = $4 WHERE key = $1`,
        [key, limit.burst, limit.perSecond, nowMs],
      );
    },

    publish: (item) =>
      inTransaction(pool, async (client): Promise<PublishOutcome> => {
        const inserted = await client.query(
          `INSERT INTO items (kind, id, version, sha256, size, body, published_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [item.kind, item.id, item.version, item.sha256, item.body.length, item.body, item.publishedAt],
        );
        if (inserted.rowCount === 1) return 'published';
        const { rows } = await client.query<{ sha256: string }>(
          'SELECT sha256 FROM items WHERE kind = $1 AND id = $2 AND version = $3',
          [item.kind, item.id, item.version],
        );
        return rows[0]!.sha256 === item.sha256 ? 'already_published' : 'version_exists_with_other_content';
      }),
    manifest: async () =>
      query<ManifestItem>(
        `SELECT DISTINCT ON (kind, id) kind, id, version, sha256, size FROM items ORDER BY kind, id, seq DESC`,
      ),
    item: async (kind, id, version) => {
      const [row] = await query<ManifestItem & { body: Buffer; published_at: string }>(
        'SELECT kind, id, version, sha256, size, body, published_at FROM items WHERE kind = $1 AND id = $2 AND version = $3',
        [kind, id, version],
      );
      if (!row) return null;
      const { published_at: publishedAt, ...rest } = row;
      return { ...rest, publishedAt };
    },
    recordHeartbeat: async (record) => {
      await query(
        `INSERT INTO heartbeats (terminal_id, received_at, body) VALUES ($1, $2, $3)
         ON CONFLICT (terminal_id) DO UPDATE SET received_at = excluded.received_at, body = excluded.body`,
        [record.terminalId, record.receivedAt, JSON.stringify(record.heartbeat)],
      );
    },
    heartbeats: async () =>
      (
        await query<{ terminal_id: string; received_at: string; body: string }>(
          'SELECT terminal_id, received_at, body FROM heartbeats ORDER BY terminal_id',
        )
      ).map((row) => ({
        terminalId: row.terminal_id,
        receivedAt: row.received_at,
        heartbeat: heartbeatSchema.parse(JSON.parse(row.body)),
      })),
    roster: async () =>
      (
        await query<{ body: string; updatedAt: string }>(
          'SELECT body, updated_at AS "updatedAt" FROM roster WHERE id = 1',
        )
      )[0] ?? null,
    setRoster: async (body, at) => {
      await query(
        `INSERT INTO roster (id, body, updated_at) VALUES (1, $1, $2)
         ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
        [body, at],
      );
    },
    close: () => pool.end(),
  };
}
