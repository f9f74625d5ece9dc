import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ItemKind, ManifestItem, StoredSubmission } from '../../common/sync/protocol';
import { heartbeatSchema } from '../../common/sync/protocol';
import type {
  HeartbeatRecord,
  HubStore,
  IntakeOutcome,
  NewSubmission,
  Principal,
  PublishedItem,
  PublishOutcome,
  Role,
  SubmissionQuery,
} from './hub_store';

/** Append-only schema migrations of the hub database (`PRAGMA user_version`). */
const HUB_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

  CREATE TABLE tokens (
    token_id TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('terminal', 'staff', 'admin')),
    terminal_id TEXT,
    centre TEXT,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    CHECK ((role = 'terminal') = (terminal_id IS NOT NULL))
  ) STRICT;

  -- One row per application; the UNIQUE uuid is what makes intake idempotent.
  CREATE TABLE submissions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    terminal_id TEXT NOT NULL,
    centre TEXT NOT NULL,
    template_id TEXT NOT NULL,
    template_version TEXT NOT NULL,
    payload TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    receipt_no TEXT NOT NULL,
    created_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    priority INTEGER NOT NULL,
    assisted INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX submissions_by_centre ON submissions (centre, seq);

  CREATE TRIGGER hub_submissions_are_immutable BEFORE UPDATE ON submissions
  BEGIN
    SELECT RAISE(ABORT, 'submissions are immutable');
  END;

  -- Published versions are immutable too: a change is a new version.
  CREATE TABLE items (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    version TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    body BLOB NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (kind, id, version)
  ) STRICT;

  CREATE TABLE heartbeats (
    terminal_id TEXT PRIMARY KEY,
    received_at TEXT NOT NULL,
    body TEXT NOT NULL
  ) STRICT;
  `,
];

interface SubmissionRow {
  seq: number;
  uuid: string;
  terminal_id: string;
  centre: string;
  template_id: string;
  template_version: string;
  payload: string;
  sha256: string;
  receipt_no: string;
  created_at: string;
  received_at: string;
  priority: number;
  assisted: number;
}

interface TokenRow {
  token_id: string;
  role: Role;
  terminal_id: string | null;
  centre: string | null;
  created_at: string;
  revoked_at: string | null;
}

function principalOf(row: TokenRow): Principal {
  return { tokenId: row.token_id, role: row.role, terminalId: row.terminal_id, centre: row.centre };
}

function storedOf(row: SubmissionRow): StoredSubmission {
  return {
    seq: row.seq,
    uuid: row.uuid,
    terminalId: row.terminal_id,
    centre: row.centre,
    templateId: row.template_id,
    templateVersion: row.template_version,
    payload: row.payload,
    sha256: row.sha256,
    receiptNo: row.receipt_no,
    createdAt: row.created_at,
    receivedAt: row.received_at,
    priority: row.priority,
    assisted: row.assisted === 1,
  };
}

export const HUB_DB_FILE = 'hub.sqlite';

/**
 * Opens (and migrates) the hub database in `dataDir`: WAL, `synchronous=FULL` so every receipt the hub
 * sends is on disk first, `busy_timeout` so several hub processes on one file queue instead of failing.
 */
export function openSqliteHubStore(dataDir: string): HubStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, HUB_DB_FILE));
  db.pragma('busy_timeout = 10000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const found = db.pragma('user_version', { simple: true }) as number;
  if (found > HUB_MIGRATIONS.length) {
    db.close();
    throw new Error(`The hub database was written by a newer hub (schema ${found}).`);
  }
  for (let version = found + 1; version <= HUB_MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(HUB_MIGRATIONS[version - 1]!);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
  // The hub id is created once and never changes; it is in every token and every health answer.
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(
    'hub_id',
    randomBytes(8).toString('hex'),
  );
  const hubId = (db.prepare('SELECT value FROM meta WHERE key = ?').get('hub_id') as { value: string }).value;

  const insertToken = db.prepare(
    `INSERT INTO tokens (token_id, hash, role, terminal_id, centre, created_at, revoked_at)
     VALUES (@tokenId, @hash, @role, @terminalId, @centre, @createdAt, @revokedAt)`,
  );
  const selectToken = db.prepare(
    'SELECT token_id, role, terminal_id, centre, created_at, revoked_at FROM tokens WHERE hash = ? AND revoked_at IS NULL',
  );
  const revokeById = db.prepare('UPDATE tokens SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL');
  const revokeByTerminal = db.prepare(
    'UPDATE tokens SET revoked_at = ? WHERE terminal_id = ? AND revoked_at IS NULL',
  );
  const allTokens = db.prepare(
    'SELECT token_id, role, terminal_id, centre, created_at, revoked_at FROM tokens ORDER BY created_at, token_id',
  );
  const insertSubmission = db.prepare(
    `INSERT INTO submissions (uuid, terminal_id, centre, template_id, template_version, payload, sha256,
       receipt_no, created_at, received_at, priority, assisted)
     VALUES (@uuid, @terminalId, @centre, @templateId, @templateVersion, @payload, @sha256,
       @receiptNo, @createdAt, @receivedAt, @priority, @assisted)
     ON CONFLICT (uuid) DO NOTHING`,
  );
  const existing = db.prepare('SELECT sha256, terminal_id, received_at FROM submissions WHERE uuid = ?');
  const listAll = db.prepare('SELECT * FROM submissions WHERE seq > ? ORDER BY seq LIMIT ?');
  const listCentre = db.prepare(
    'SELECT * FROM submissions WHERE centre = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const count = db.prepare('SELECT count(*) AS n FROM submissions');
  const insertItem = db.prepare(
    `INSERT INTO items (kind, id, version, sha256, size, body, published_at)
     VALUES (@kind, @id, @version, @sha256, @size, @body, @publishedAt) ON CONFLICT DO NOTHING`,
  );
  const itemHash = db.prepare('SELECT sha256 FROM items WHERE kind = ? AND id = ? AND version = ?');
  const latestItems = db.prepare(
    `SELECT kind, id, version, sha256, size FROM items AS i
     WHERE rowid = (SELECT max(rowid) FROM items WHERE kind = i.kind AND id = i.id) ORDER BY kind, id`,
  );
  const oneItem = db.prepare('SELECT * FROM items WHERE kind = ? AND id = ? AND version = ?');
  const upsertHeartbeat = db.prepare(
    `INSERT INTO heartbeats (terminal_id, received_at, body) VALUES (?, ?, ?)
     ON CONFLICT (terminal_id) DO UPDATE SET received_at = excluded.received_at, body = excluded.body`,
  );
  const allHeartbeats = db.prepare(
    'SELECT terminal_id, received_at, body FROM heartbeats ORDER BY terminal_id',
  );

  const storeBatch = db.transaction((items: readonly NewSubmission[], receivedAt: string) =>
    items.map((item): IntakeOutcome => {
      const { envelope } = item;
      const inserted = insertSubmission.run({
        uuid: item.uuid,
        terminalId: envelope.terminalId,
        centre: item.centre,
        templateId: envelope.templateId,
        templateVersion: envelope.templateVersion,
        payload: envelope.payload,
        sha256: envelope.sha256,
        receiptNo: envelope.receiptNo,
        createdAt: envelope.createdAt,
        receivedAt,
        priority: envelope.priority,
        assisted: envelope.assisted ? 1 : 0,
      });
      if (inserted.changes === 1) {
        return { kind: 'created', receipt: { uuid: item.uuid, sha256: envelope.sha256, hubId, receivedAt } };
      }
      const row = existing.get(item.uuid) as { sha256: string; terminal_id: string; received_at: string };
      // Same id from another terminal, or other content under the same id: a conflict, never an update.
      if (row.sha256 !== envelope.sha256 || row.terminal_id !== envelope.terminalId)
        return { kind: 'conflict' };
      return {
        kind: 'duplicate',
        receipt: { uuid: item.uuid, sha256: row.sha256, hubId, receivedAt: row.received_at },
      };
    }),
  );

  return {
    hubId,
    addToken: (token) => {
      insertToken.run(token);
    },
    findToken: (hash) => {
      const row = selectToken.get(hash) as TokenRow | undefined;
      return row ? principalOf(row) : null;
    },
    revokeToken: (tokenId, at) => revokeById.run(at, tokenId).changes === 1,
    revokeTerminal: (terminalId, at) => revokeByTerminal.run(at, terminalId).changes,
    listTokens: () =>
      (allTokens.all() as TokenRow[]).map((row) => ({
        ...principalOf(row),
        createdAt: row.created_at,
        revokedAt: row.revoked_at,
      })),
    // IMMEDIATE: take the write lock first, so two hub processes cannot both decide "new" for one id.
    storeSubmissions: (items, receivedAt) => storeBatch.immediate(items, receivedAt),
    listSubmissions: (query: SubmissionQuery) => {
      const rows = (
        query.centre === undefined
          ? listAll.all(query.since, query.limit)
          : listCentre.all(query.centre, query.since, query.limit)
      ) as SubmissionRow[];
      return rows.map(storedOf);
    },
    countSubmissions: () => (count.get() as { n: number }).n,
    publish: (item): PublishOutcome =>
      db
        .transaction((): PublishOutcome => {
          const inserted = insertItem.run({ ...item, size: item.body.length });
          if (inserted.changes === 1) return 'published';
          const row = itemHash.get(item.kind, item.id, item.version) as { sha256: string };
          return row.sha256 === item.sha256 ? 'already_published' : 'version_exists_with_other_content';
        })
        .immediate(),
    manifest: () => latestItems.all() as ManifestItem[],
    item: (kind: ItemKind, id: string, version: string) => {
      const row = oneItem.get(kind, id, version) as
        | (ManifestItem & { body: Buffer; published_at: string })
        | undefined;
      if (!row) return null;
      const { published_at: publishedAt, ...rest } = row;
      return { ...rest, publishedAt } satisfies PublishedItem;
    },
    recordHeartbeat: (record: HeartbeatRecord) => {
      upsertHeartbeat.run(record.terminalId, record.receivedAt, JSON.stringify(record.heartbeat));
    },
    heartbeats: () =>
      (allHeartbeats.all() as { terminal_id: string; received_at: string; body: string }[]).map((row) => ({
        terminalId: row.terminal_id,
        receivedAt: row.received_at,
        heartbeat: heartbeatSchema.parse(JSON.parse(row.body)),
      })),
    close: () => db.close(),
  };
}
