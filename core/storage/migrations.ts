/**
 * Numbered schema migrations. Migration N (1-based) brings `PRAGMA user_version` from N-1 to N.
 * Append only: never edit a migration that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: foundation tables shared by the features.
  `
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  -- What happened, never with personal data: actions and identifiers only.
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT ''
  ) STRICT;

  -- A visitor's answers while a form is filled in; saved answer by answer.
  CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    template_id TEXT NOT NULL,
    template_version TEXT NOT NULL,
    answers TEXT NOT NULL DEFAULT '{}',
    current_step TEXT NOT NULL DEFAULT '',
    retrieval_code TEXT UNIQUE,
    assisted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  -- A finalized application. Immutable once written: the payload and its hash never change.
  CREATE TABLE submissions (
    uuid TEXT PRIMARY KEY,
    template_id TEXT NOT NULL,
    template_version TEXT NOT NULL,
    payload TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    receipt_no TEXT NOT NULL UNIQUE,
    priority INTEGER NOT NULL DEFAULT 0,
    assisted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  ) STRICT;

  CREATE TRIGGER submissions_are_immutable BEFORE UPDATE ON submissions
  BEGIN
    SELECT RAISE(ABORT, 'submissions are immutable');
  END;

  -- Delivery state of each submission to the hub (one row per submission).
  CREATE TABLE outbox (
    uuid TEXT PRIMARY KEY REFERENCES submissions(uuid),
    state TEXT NOT NULL DEFAULT 'pending'
      CHECK (state IN ('pending', 'delivered', 'rejected', 'quarantined')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_attempt_at TEXT,
    next_attempt_at TEXT,
    last_error TEXT,
    delivered_at TEXT,
    hub_receipt TEXT,
    handled_at TEXT
  ) STRICT;

  -- Published items (templates, directory, content, fee rules, audio packs), versioned.
  CREATE TABLE assets (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    version TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    body BLOB NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('staged', 'active', 'previous')),
    installed_at TEXT NOT NULL,
    PRIMARY KEY (kind, id, version)
  ) STRICT;
  `,
  // 2: sync — the retention purge. A delivered submission's payload (personal data) may be blanked once,
  // with purged_at set; every other column, and any other change, stays forbidden by the trigger.
  `
  ALTER TABLE submissions ADD COLUMN purged_at TEXT;

  DROP TRIGGER submissions_are_immutable;
  CREATE TRIGGER submissions_are_immutable BEFORE UPDATE ON submissions
  WHEN NOT (
    OLD.purged_at IS NULL AND NEW.purged_at IS NOT NULL AND NEW.payload = ''
    AND NEW.uuid IS OLD.uuid AND NEW.template_id IS OLD.template_id
    AND NEW.template_version IS OLD.template_version AND NEW.sha256 IS OLD.sha256
    AND NEW.receipt_no IS OLD.receipt_no AND NEW.priority IS OLD.priority
    AND NEW.assisted IS OLD.assisted AND NEW.created_at IS OLD.created_at
    AND EXISTS (SELECT 1 FROM outbox WHERE outbox.uuid = OLD.uuid AND outbox.state = 'delivered')
  )
  BEGIN
    SELECT RAISE(ABORT, 'submissions are immutable');
  END;

  CREATE TRIGGER submissions_are_never_deleted BEFORE DELETE ON submissions
  BEGIN
    SELECT RAISE(ABORT, 'submissions are never deleted; the retention purge blanks the payload');
  END;

  -- The worker reads the queue by state, oldest (lowest rowid) first.
  CREATE INDEX outbox_by_state ON outbox (state);
  `,
  // 3: privacy — a refused submission (rejected or quarantined) is never sent again, so its payload may be
  // blanked after the retention period too, exactly like a delivered one's; nothing else changes.
  `
  DROP TRIGGER submissions_are_immutable;
  CREATE TRIGGER submissions_are_immutable BEFORE UPDATE ON submissions
  WHEN NOT (
    OLD.purged_at IS NULL AND NEW.purged_at IS NOT NULL AND NEW.payload = ''
    AND NEW.uuid IS OLD.uuid AND NEW.template_id IS OLD.template_id
    AND NEW.template_version IS OLD.template_version AND NEW.sha256 IS OLD.sha256
    AND NEW.receipt_no IS OLD.receipt_no AND NEW.priority IS OLD.priority
    AND NEW.assisted IS OLD.assisted AND NEW.created_at IS OLD.created_at
    AND EXISTS (SELECT 1 FROM outbox WHERE outbox.uuid = OLD.uuid
      AND outbox.state IN ('delivered', 'rejected', 'quarantined'))
  )
  BEGIN
    SELECT RAISE(ABORT, 'submissions are immutable');
  END;
  `,
  // 4: issue 23 — the hub's review state of each submission sent from here (received, accepted, …), from the
  // hub's status feed, for the staff list. Codes and times only: the words are in the catalogs.
  `
  ALTER TABLE outbox ADD COLUMN review_state TEXT;
  ALTER TABLE outbox ADD COLUMN review_at TEXT;
  `,
];
