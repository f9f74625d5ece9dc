/**
 * Append-only schema migrations of the PostgreSQL hub database, numbered in `schema_migrations`. The
 * SQLite twin is `sqlite_migrations.ts`; the tables, columns and rules are the same (times are ISO text
 * in both, so both stores return the exact strings they were given).
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  // 1: the schema of SQLite migrations 1 and 2, and the video bus's overflow table.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE tokens (
    token_id TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('terminal', 'staff', 'admin')),
    terminal_id TEXT,
    centres TEXT,
    name TEXT,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    CHECK ((role = 'terminal') = (terminal_id IS NOT NULL))
  );
  CREATE INDEX tokens_revoked ON tokens (revoked_at) WHERE revoked_at IS NOT NULL;

  -- One row per application; the UNIQUE uuid is what makes intake idempotent across hub processes.
  CREATE TABLE submissions (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    terminal_id TEXT NOT NULL,
    centre TEXT NOT NULL,
    template_id TEXT NOT NULL,
    template_version TEXT NOT NULL,
    payload TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    receipt_no TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    received_at TEXT NOT NULL,
    priority INTEGER NOT NULL,
    assisted BOOLEAN NOT NULL,
    purged_at TEXT
  );
  CREATE INDEX submissions_by_centre ON submissions (centre, seq);

  CREATE FUNCTION hub_submission_guard() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'submissions are never deleted';
    END IF;
    IF (NEW.seq, NEW.uuid, NEW.terminal_id, NEW.centre, NEW.template_id, NEW.template_version, NEW.sha256,
        NEW.receipt_no, NEW.created_at, NEW.created_ms, NEW.received_at, NEW.priority, NEW.assisted)
       IS DISTINCT FROM
       (OLD.seq, OLD.uuid, OLD.terminal_id, OLD.centre, OLD.template_id, OLD.template_version, OLD.sha256,
        OLD.receipt_no, OLD.created_at, OLD.created_ms, OLD.received_at, OLD.priority, OLD.assisted) THEN
      RAISE EXCEPTION 'submissions are immutable';
    END IF;
    IF (NEW.payload IS DISTINCT FROM OLD.payload OR NEW.purged_at IS DISTINCT FROM OLD.purged_at)
       AND (OLD.purged_at IS NOT NULL OR NEW.purged_at IS NULL OR NEW.payload <> '') THEN
      RAISE EXCEPTION 'only the retention purge may blank a payload';
    END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER hub_submission_guard BEFORE UPDATE OR DELETE ON submissions
    FOR EACH ROW EXECUTE FUNCTION hub_submission_guard();

  CREATE TABLE items (
    seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    version TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    body BYTEA NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (kind, id, version)
  );

  CREATE TABLE heartbeats (
    terminal_id TEXT PRIMARY KEY,
    received_at TEXT NOT NULL,
    body TEXT NOT NULL
  );

  CREATE TABLE desk_states (
    uuid TEXT PRIMARY KEY REFERENCES submissions (uuid),
    terminal_id TEXT NOT NULL,
    state TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    seq BIGINT NOT NULL UNIQUE
  );
  CREATE INDEX desk_states_feed ON desk_states (terminal_id, state, seq);
  CREATE INDEX submissions_by_centre_day ON submissions (centre, created_ms);
  CREATE INDEX submissions_by_day ON submissions (created_ms);

  CREATE TABLE desk_audit (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TEXT NOT NULL,
    token_id TEXT NOT NULL,
    action TEXT NOT NULL,
    uuid TEXT NOT NULL
  );

  CREATE TABLE enrollment_codes (
    code_id TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    terminal_id TEXT NOT NULL,
    centre TEXT NOT NULL,
    template TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    redeemed_at TEXT
  );

  CREATE TABLE roster (id INTEGER PRIMARY KEY CHECK (id = 1), body TEXT NOT NULL, updated_at TEXT NOT NULL);

  CREATE TABLE attempt_buckets (
    key TEXT PRIMARY KEY,
    tokens DOUBLE PRECISION NOT NULL,
    at_ms BIGINT NOT NULL
  );

  -- Video signalling messages too large for NOTIFY (hub/video/video_bus.ts); kept a minute.
  CREATE TABLE video_spill (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body TEXT NOT NULL,
    at_ms BIGINT NOT NULL
  );
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
    seq BIGINT NOT NULL UNIQUE
  );
  CREATE INDEX review_status_feed ON review_status (terminal_id, seq);

  CREATE TABLE review_history (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uuid TEXT NOT NULL REFERENCES submissions (uuid),
    state TEXT NOT NULL,
    note TEXT NOT NULL,
    details TEXT NOT NULL,
    at TEXT NOT NULL,
    changed_by TEXT NOT NULL
  );
  CREATE INDEX review_history_by_uuid ON review_history (uuid, id);
  CREATE FUNCTION review_history_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'the review history is append-only';
  END $$;
  CREATE TRIGGER review_history_is_kept BEFORE UPDATE OR DELETE ON review_history
    FOR EACH ROW EXECUTE FUNCTION review_history_is_kept();

  CREATE TABLE status_keys (
    uuid TEXT PRIMARY KEY REFERENCES submissions (uuid),
    receipt_no TEXT NOT NULL,
    factor_hash TEXT NOT NULL
  );
  CREATE INDEX status_keys_by_receipt ON status_keys (receipt_no);
  `,
];
