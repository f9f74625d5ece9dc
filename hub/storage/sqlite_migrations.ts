/**
 * Append-only schema migrations of the SQLite hub database, numbered by `PRAGMA user_version`. The
 * PostgreSQL twin is `postgres_migrations.ts`; a change to one is a new migration in both.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  // 1: tokens, submissions (the UNIQUE uuid makes intake idempotent), published items, heartbeats.
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
  // 2 (issue 21): tokens bound to centres with a recorded name; desk states and audit, enrollment codes
  // and attempt buckets move into this database (they had files of their own); the filing time in ms for
  // the desk's date filter; the retention purge may blank a handled application's payload, nothing else.
  `
  ALTER TABLE tokens ADD COLUMN centres TEXT;
  ALTER TABLE tokens ADD COLUMN name TEXT;
  UPDATE tokens SET centres = json_array(centre) WHERE centre IS NOT NULL;
  ALTER TABLE tokens DROP COLUMN centre;

  DROP TRIGGER hub_submissions_are_immutable;
  ALTER TABLE submissions ADD COLUMN created_ms INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE submissions ADD COLUMN purged_at TEXT;
  UPDATE submissions SET created_ms = CAST(round((julianday(created_at) - 2440587.5) * 86400000) AS INTEGER);
  CREATE TRIGGER hub_submissions_are_immutable
  BEFORE UPDATE OF seq, uuid, terminal_id, centre, template_id, template_version, sha256, receipt_no,
    created_at, created_ms, received_at, priority, assisted ON submissions
  BEGIN
    SELECT RAISE(ABORT, 'submissions are immutable');
  END;
  CREATE TRIGGER hub_submissions_purge_only BEFORE UPDATE OF payload, purged_at ON submissions
  WHEN old.purged_at IS NOT NULL OR new.purged_at IS NULL OR new.payload <> ''
  BEGIN
    SELECT RAISE(ABORT, 'only the retention purge may blank a payload');
  END;
  CREATE TRIGGER hub_submissions_are_kept BEFORE DELETE ON submissions
  BEGIN
    SELECT RAISE(ABORT, 'submissions are never deleted');
  END;

  -- The current desk state of an application; seq numbers the changes for the terminals' feed.
  CREATE TABLE desk_states (
    uuid TEXT PRIMARY KEY REFERENCES submissions (uuid),
    terminal_id TEXT NOT NULL,
    state TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    seq INTEGER NOT NULL UNIQUE
  ) STRICT;
  CREATE INDEX desk_states_feed ON desk_states (terminal_id, state, seq);
  -- The desk's day filter: a day of one centre (or of every centre) is found without scanning the others.
  CREATE INDEX submissions_by_centre_day ON submissions (centre, created_ms);
  CREATE INDEX submissions_by_day ON submissions (created_ms);

  -- Who looked at, printed or marked which application: token ids and uuids only, never answers.
  CREATE TABLE desk_audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    token_id TEXT NOT NULL,
    action TEXT NOT NULL,
    uuid TEXT NOT NULL
  ) STRICT;

  CREATE TABLE enrollment_codes (
    code_id TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    terminal_id TEXT NOT NULL,
    centre TEXT NOT NULL,
    template TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    redeemed_at TEXT
  ) STRICT;

  -- The duty roster of the video desk (one row), shared by every hub process.
  CREATE TABLE roster (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;

  -- Token buckets of attempts keyed on what is attempted (an enrollment code), shared by hub processes.
  CREATE TABLE attempt_buckets (
    key TEXT PRIMARY KEY,
    tokens REAL NOT NULL,
    at_ms INTEGER NOT NULL
  ) STRICT;
  `,
  // 3 (issue 23): review states with the visitor's note and details, their history (who, when), and the
  // hashed second factor of the status lookup, found by receipt number.
  `
  CREATE TABLE review_status (
    uuid TEXT PRIMARY KEY REFERENCES submissions (uuid),
    terminal_id TEXT NOT NULL,
    state TEXT NOT NULL,
    note TEXT NOT NULL,
    details TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    seq INTEGER NOT NULL UNIQUE
  ) STRICT;
  CREATE INDEX review_status_feed ON review_status (terminal_id, seq);

  CREATE TABLE review_history (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL REFERENCES submissions (uuid),
    state TEXT NOT NULL,
    note TEXT NOT NULL,
    details TEXT NOT NULL,
    at TEXT NOT NULL,
    changed_by TEXT NOT NULL
  ) STRICT;
  CREATE INDEX review_history_by_uuid ON review_history (uuid, id);
  CREATE TRIGGER review_history_is_kept BEFORE UPDATE ON review_history
  BEGIN
    SELECT RAISE(ABORT, 'the review history is append-only');
  END;
  CREATE TRIGGER review_history_is_not_deleted BEFORE DELETE ON review_history
  BEGIN
    SELECT RAISE(ABORT, 'the review history is append-only');
  END;

  CREATE TABLE status_keys (
    uuid TEXT PRIMARY KEY REFERENCES submissions (uuid),
    receipt_no TEXT NOT NULL,
    factor_hash TEXT NOT NULL
  ) STRICT;
  CREATE INDEX status_keys_by_receipt ON status_keys (receipt_no);
  `,
];
