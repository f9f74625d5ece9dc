import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ItemKind, ManifestItem } from '../../common/sync/protocol';
import { heartbeatSchema } from '../../common/sync/protocol';
import type {
  DeskEntry,
  GuessLimit,
  HubStore,
  IntakeOutcome,
  NewSubmission,
  PublishOutcome,
} from './hub_store';
import { decideOutcomes } from './intake_outcomes';
import { importLegacyFiles } from './sqlite_legacy_import';
import { SQLITE_MIGRATIONS } from './sqlite_migrations';
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

export const HUB_DB_FILE = 'hub.sqlite';

const TOKEN_COLUMNS = 'token_id, role, terminal_id, centres, name, created_at, revoked_at';

function migrate(db: Database.Database): void {
  const found = db.pragma('user_version', { simple: true }) as number;
  if (found > SQLITE_MIGRATIONS.length) {
    db.close();
    throw new Error(`The hub database was written by a newer hub (schema ${found}).`);
  }
  for (let version = found + 1; version <= SQLITE_MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(SQLITE_MIGRATIONS[version - 1]!);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
}

/**
 * Opens (and migrates) the hub database in `dataDir`: WAL, `synchronous=FULL` so every receipt the hub
 * sends is on disk first, `busy_timeout` so several hub processes on one file queue instead of failing.
 * better-sqlite3 is synchronous; the methods are async only to share the interface with PostgreSQL.
 */
export function openSqliteHubStore(dataDir: string): HubStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, HUB_DB_FILE));
  db.pragma('busy_timeout = 10000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  migrate(db);
  importLegacyFiles(db, dataDir);
  // The hub id is created once and never changes; it is in every token and every health answer.
  const metaInsert = db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)');
  const metaSelect = db.prepare('SELECT value FROM meta WHERE key = ?');
  metaInsert.run('hub_id', randomBytes(8).toString('hex'));
  const hubId = (metaSelect.get('hub_id') as { value: string }).value;

  const q = {
    insertToken: db.prepare(
      `INSERT INTO tokens (token_id, hash, role, terminal_id, centres, name, created_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    selectToken: db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens WHERE hash = ? AND revoked_at IS NULL`),
    revokeById: db.prepare('UPDATE tokens SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL'),
    revokeByTerminal: db.prepare(
      'UPDATE tokens SET revoked_at = ? WHERE terminal_id = ? AND revoked_at IS NULL RETURNING token_id',
    ),
    allTokens: db.prepare(`SELECT ${TOKEN_COLUMNS} FROM tokens ORDER BY created_at, token_id`),
    revokedSince: db.prepare('SELECT token_id FROM tokens WHERE revoked_at >= ?'),
    insertSubmission: db.prepare(
      `INSERT INTO submissions (uuid, terminal_id, centre, template_id, template_version, payload, sha256,
         receipt_no, created_at, created_ms, received_at, priority, assisted)
       VALUES (@uuid, @terminalId, @centre, @templateId, @templateVersion, @payload, @sha256,
         @receiptNo, @createdAt, @createdMs, @receivedAt, @priority, @assisted)
       ON CONFLICT (uuid) DO NOTHING`,
    ),
    existing: db.prepare('SELECT uuid, sha256, terminal_id, received_at FROM submissions WHERE uuid = ?'),
    count: db.prepare('SELECT count(*) AS n FROM submissions'),
    deskEntry: db.prepare(
      `SELECT ${DESK_COLUMNS} FROM submissions s LEFT JOIN desk_states d ON d.uuid = s.uuid WHERE s.uuid = ?`,
    ),
    stateOf: db.prepare('SELECT state FROM desk_states WHERE uuid = ?'),
    upsertState: db.prepare(
      `INSERT INTO desk_states (uuid, terminal_id, state, changed_at, changed_by, seq)
       VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM desk_states))
       ON CONFLICT (uuid) DO UPDATE SET state = excluded.state, changed_at = excluded.changed_at,
         changed_by = excluded.changed_by, seq = excluded.seq`,
    ),
    marks: db.prepare(
      `SELECT seq, uuid, terminal_id AS terminalId, state, changed_at AS at FROM desk_states
       WHERE terminal_id = ? AND state = ? AND seq > ? ORDER BY seq LIMIT ?`,
    ),
    audit: db.prepare('INSERT INTO desk_audit (at, token_id, action, uuid) VALUES (?, ?, ?, ?)'),
    latestAudit: db.prepare(
      'SELECT at, token_id AS tokenId, action, uuid FROM desk_audit ORDER BY id DESC LIMIT ?',
    ),
    purge: db.prepare(
      `UPDATE submissions SET payload = '', purged_at = ?
       WHERE purged_at IS NULL AND uuid IN
         (SELECT uuid FROM desk_states WHERE state = 'handled' AND changed_at < ?)`,
    ),
    addStatusKey: db.prepare(
      'INSERT INTO status_keys (uuid, receipt_no, factor_hash) VALUES (?, ?, ?) ON CONFLICT (uuid) DO NOTHING',
    ),
    candidates: db.prepare(`${CANDIDATE_SQL}? LIMIT 20`),
    terminalOf: db.prepare('SELECT terminal_id FROM submissions WHERE uuid = ?'),
    upsertReview: db.prepare(
      `INSERT INTO review_status (uuid, terminal_id, state, note, details, changed_at, changed_by, seq)
       VALUES (@uuid, @terminalId, @state, @note, @details, @at, @by,
         (SELECT coalesce(max(seq), 0) + 1 FROM review_status))
       ON CONFLICT (uuid) DO UPDATE SET state = excluded.state, note = excluded.note,
         details = excluded.details, changed_at = excluded.changed_at, changed_by = excluded.changed_by,
         seq = excluded.seq`,
    ),
    addHistory: db.prepare(
      `INSERT INTO review_history (uuid, state, note, details, at, changed_by)
       VALUES (@uuid, @state, @note, @details, @at, @by)`,
    ),
    review: db.prepare(
      'SELECT state, note, details, changed_at, changed_by FROM review_status WHERE uuid = ?',
    ),
    history: db.prepare(
      'SELECT state, note, details, at AS changed_at, changed_by FROM review_history WHERE uuid = ? ORDER BY id',
    ),
    reviewMarks: db.prepare(
      `SELECT seq, uuid, state, changed_at AS at FROM review_status
       WHERE terminal_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    ),
    insertCode: db.prepare(
      `INSERT INTO enrollment_codes (code_id, hash, terminal_id, centre, template, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    findCode: db.prepare(
      'SELECT code_id, terminal_id, centre, template, expires_at, redeemed_at FROM enrollment_codes WHERE hash = ?',
    ),
    useCode: db.prepare(
      'UPDATE enrollment_codes SET redeemed_at = ? WHERE code_id = ? AND redeemed_at IS NULL',
    ),
    purgeCodes: db.prepare('DELETE FROM enrollment_codes WHERE expires_at < ?'),
    takeAttempt: db.prepare(
      `INSERT INTO attempt_buckets (key, tokens, at_ms) VALUES (@key, @burst - 1, @now)
       ON CONFLICT (key) DO UPDATE
         SET tokens = min(@burst, tokens + (@now - at_ms) / 1000.0 * @rate) - 1, at_ms = @now
         WHERE min(@burst, tokens + (@now - at_ms) / 1000.0 * @rate) >= 1
       RETURNING tokens`,
    ),
    bucket: db.prepare('SELECT tokens, at_ms FROM attempt_buckets WHERE key = ?'),
    refund: db.prepare(
      `UPDATE attempt_buckets SET tokens = min(@burst, tokens + (@now - at_ms) / 1000.0 * @rate + 1),
         at_ms = @now WHERE key = @key`,
    ),
    insertItem: db.prepare(
      `INSERT INTO items (kind, id, version, sha256, size, body, published_at)
       VALUES (@kind, @id, @version, @sha256, @size, @body, @publishedAt) ON CONFLICT DO NOTHING`,
    ),
    itemHash: db.prepare('SELECT sha256 FROM items WHERE kind = ? AND id = ? AND version = ?'),
    latestItems: db.prepare(
      `SELECT kind, id, version, sha256, size FROM items AS i
       WHERE rowid = (SELECT max(rowid) FROM items WHERE kind = i.kind AND id = i.id) ORDER BY kind, id`,
    ),
    oneItem: db.prepare('SELECT * FROM items WHERE kind = ? AND id = ? AND version = ?'),
    upsertHeartbeat: db.prepare(
      `INSERT INTO heartbeats (terminal_id, received_at, body) VALUES (?, ?, ?)
       ON CONFLICT (terminal_id) DO UPDATE SET received_at = excluded.received_at, body = excluded.body`,
    ),
    allHeartbeats: db.prepare('SELECT terminal_id, received_at, body FROM heartbeats ORDER BY terminal_id'),
    roster: db.prepare('SELECT body, updated_at AS updatedAt FROM roster WHERE id = 1'),
    setRoster: db.prepare(
      `INSERT INTO roster (id, body, updated_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
    ),
  };

  const storeBatch = db.transaction((items: readonly NewSubmission[], receivedAt: string) => {
    const inserted = items.map(
      ({ uuid, envelope, centre }) =>
        q.insertSubmission.run({
          uuid,
          terminalId: envelope.terminalId,
          centre,
          templateId: envelope.templateId,
          templateVersion: envelope.templateVersion,
          payload: envelope.payload,
          sha256: envelope.sha256,
          receiptNo: envelope.receiptNo,
          createdAt: envelope.createdAt,
          createdMs: Date.parse(envelope.createdAt),
          receivedAt,
          priority: envelope.priority,
          assisted: envelope.assisted ? 1 : 0,
        }).changes === 1,
    );
    const stored = items.map(
      ({ uuid }) =>
        q.existing.get(uuid) as { uuid: string; sha256: string; terminal_id: string; received_at: string },
    );
    return decideOutcomes(hubId, items, inserted, stored);
  });

  const setState = db.transaction((change: Parameters<HubStore['setDeskState']>[0]): DeskEntry | null => {
    const row = q.deskEntry.get(change.uuid) as DeskRow | undefined;
    if (!row) return null;
    if ((row.state ?? 'open') !== change.state)
      q.upsertState.run(change.uuid, row.terminal_id, change.state, change.at, change.by);
    return deskEntryOf(q.deskEntry.get(change.uuid) as DeskRow);
  });

  const setReview = db.transaction((uuid: string, review: Parameters<HubStore['setReview']>[1]) => {
    const row = q.terminalOf.get(uuid) as { terminal_id: string } | undefined;
    if (!row) return false;
    const values = { uuid, ...review, details: JSON.stringify(review.details), terminalId: row.terminal_id };
    q.upsertReview.run(values);
    q.addHistory.run(values);
    return true;
  });

  const redeem = db.transaction((hash: string, now: Date) => {
    const row = q.findCode.get(hash) as
      | {
          code_id: string;
          terminal_id: string;
          centre: string;
          template: string;
          expires_at: string;
          redeemed_at: string | null;
        }
      | undefined;
    if (!row) return { ok: false, reason: 'unknown' } as const;
    if (row.redeemed_at !== null) return { ok: false, reason: 'used' } as const;
    if (Date.parse(row.expires_at) <= now.getTime()) return { ok: false, reason: 'expired' } as const;
    if (q.useCode.run(now.toISOString(), row.code_id).changes !== 1)
      return { ok: false, reason: 'used' } as const;
    return {
      ok: true,
      codeId: row.code_id,
      terminalId: row.terminal_id,
      centre: row.centre,
      template: JSON.parse(row.template) as unknown,
    } as const;
  });

  const bucketParams = (key: string, limit: GuessLimit, nowMs: number) => ({
    key,
    burst: limit.burst,
    rate: limit.perSecond,
    now: nowMs,
  });

  return {
    hubId,
    kind: 'sqlite',
    addToken: async (token) => {
      q.insertToken.run(
        token.tokenId,
        token.hash,
        token.role,
        token.terminalId,
        token.centres === null ? null : JSON.stringify(token.centres),
        token.name,
        token.createdAt,
        token.revokedAt,
      );
    },
    findToken: async (hash) => {
      const row = q.selectToken.get(hash) as TokenRow | undefined;
      return row ? principalOf(row) : null;
    },
    revokeToken: async (tokenId, at) => q.revokeById.run(at, tokenId).changes === 1,
    revokeTerminal: async (terminalId, at) =>
      (q.revokeByTerminal.all(at, terminalId) as { token_id: string }[]).map((row) => row.token_id),
    listTokens: async () => (q.allTokens.all() as TokenRow[]).map(tokenRecordOf),
    revokedSince: async (since) =>
      (q.revokedSince.all(since) as { token_id: string }[]).map((row) => row.token_id),

    // IMMEDIATE: take the write lock first, so two hub processes cannot both decide "new" for one id.
    storeSubmissions: async (items, receivedAt): Promise<IntakeOutcome[]> =>
      storeBatch.immediate(items, receivedAt),
    listSubmissions: async (query) => {
      const centres = query.centres;
      if (centres?.length === 0) return [];
      const where = centres === undefined ? '' : `AND centre IN (${centres.map(() => '?').join(', ')})`;
      const rows = db
        .prepare(`SELECT * FROM submissions WHERE seq > ? ${where} ORDER BY seq LIMIT ?`)
        .all(query.since, ...(centres ?? []), query.limit) as SubmissionRow[];
      return rows.map(storedOf);
    },
    countSubmissions: async () => (q.count.get() as { n: number }).n,

    deskPage: async (query) => {
      const { where, params } = deskConditions(query, () => '?');
      const rows = db
        .prepare(
          `SELECT ${DESK_COLUMNS} FROM submissions s LEFT JOIN desk_states d ON d.uuid = s.uuid
           ${where} ORDER BY s.seq DESC LIMIT ?`,
        )
        .all(...params, query.limit + 1) as DeskRow[];
      const entries = rows.slice(0, query.limit).map(deskEntryOf);
      return { entries, next: rows.length > query.limit ? entries.at(-1)!.submission.seq : null };
    },
    deskEntry: async (uuid) => {
      const row = q.deskEntry.get(uuid) as DeskRow | undefined;
      return row ? deskEntryOf(row) : null;
    },
    setDeskState: async (change) => setState.immediate(change),
    deskMarks: async ({ terminalId, state, since, limit }) =>
      q.marks.all(terminalId, state, since, limit) as Awaited<ReturnType<HubStore['deskMarks']>>,
    addDeskAudit: async (entry) => {
      q.audit.run(entry.at, entry.tokenId, entry.action, entry.uuid);
    },
    latestDeskAudit: async (limit) =>
      q.latestAudit.all(limit) as Awaited<ReturnType<HubStore['latestDeskAudit']>>,
    purgeHandled: async (handledBefore, at) => q.purge.run(at, handledBefore).changes,

    addStatusKey: async ({ uuid, receiptNo, factorHash }) => {
      q.addStatusKey.run(uuid, receiptNo, factorHash);
    },
    statusCandidates: async (receiptNo) => (q.candidates.all(receiptNo) as CandidateRow[]).map(candidateOf),
    setReview: async (uuid, review) => setReview.immediate(uuid, review),
    review: async (uuid) => {
      const row = q.review.get(uuid) as ReviewRow | undefined;
      return row ? reviewOf(row) : null;
    },
    reviewHistory: async (uuid) => (q.history.all(uuid) as ReviewRow[]).map(reviewOf),
    reviewMarks: async ({ terminalId, since, limit }) =>
      q.reviewMarks.all(terminalId, since, limit) as Awaited<ReturnType<HubStore['reviewMarks']>>,

    secret: async (key, create) => {
      metaInsert.run(key, create());
      return (metaSelect.get(key) as { value: string }).value;
    },
    addEnrollmentCode: async (code) => {
      q.insertCode.run(
        code.codeId,
        code.hash,
        code.terminalId,
        code.centre,
        JSON.stringify(code.template),
        code.createdAt,
        code.expiresAt,
      );
    },
    enrollmentCodeExists: async (hash) => q.findCode.get(hash) !== undefined,
    redeemEnrollmentCode: async (hash, now) => redeem.immediate(hash, now),
    purgeEnrollmentCodes: async (before) => {
      q.purgeCodes.run(before);
    },
    takeAttempt: async (key, limit, nowMs) => {
      if (q.takeAttempt.get(bucketParams(key, limit, nowMs))) return 0;
      const row = q.bucket.get(key) as { tokens: number; at_ms: number };
      const tokens = Math.min(limit.burst, row.tokens + ((nowMs - row.at_ms) / 1000) * limit.perSecond);
      return Math.max(1, Math.ceil(((1 - tokens) / limit.perSecond) * 1000));
    },
    refundAttempt: async (key, limit, nowMs) => {
      q.refund.run(bucketParams(key, limit, nowMs));
    },

    publish: async (item): Promise<PublishOutcome> =>
      db
        .transaction((): PublishOutcome => {
          const inserted = q.insertItem.run({ ...item, size: item.body.length });
          if (inserted.changes === 1) return 'published';
          const row = q.itemHash.get(item.kind, item.id, item.version) as { sha256: string };
          return row.sha256 === item.sha256 ? 'already_published' : 'version_exists_with_other_content';
        })
        .immediate(),
    manifest: async () => q.latestItems.all() as ManifestItem[],
    item: async (kind: ItemKind, id: string, version: string) => {
      const row = q.oneItem.get(kind, id, version) as
        | (ManifestItem & { body: Buffer; published_at: string })
        | undefined;
      if (!row) return null;
      const { published_at: publishedAt, ...rest } = row;
      return { ...rest, publishedAt };
    },
    recordHeartbeat: async (record) => {
      q.upsertHeartbeat.run(record.terminalId, record.receivedAt, JSON.stringify(record.heartbeat));
    },
    heartbeats: async () =>
      (q.allHeartbeats.all() as { terminal_id: string; received_at: string; body: string }[]).map((row) => ({
        terminalId: row.terminal_id,
        receivedAt: row.received_at,
        heartbeat: heartbeatSchema.parse(JSON.parse(row.body)),
      })),
    roster: async () => (q.roster.get() as { body: string; updatedAt: string } | undefined) ?? null,
    setRoster: async (body, at) => {
      q.setRoster.run(body, at);
    },
    close: async () => {
      db.close();
    },
  };
}
