import path from 'node:path';
import Database from 'better-sqlite3';

export interface HandledMark {
  seq: number;
  uuid: string;
  terminalId: string;
  centre: string;
  handledAt: string;
}

/**
 * The desk page's "handled" marks, in their own SQLite file next to the hub's (`desk.sqlite`; in memory when
 * the hub runs without a data folder). Submissions stay immutable; a mark is a separate, numbered row so
 * terminals can fetch the marks after the last one they saw.
 */
export class DeskStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(dataDir: string | undefined) {
    this.db = new Database(dataDir ? path.join(dataDir, 'desk.sqlite') : ':memory:');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS handled (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      uuid TEXT NOT NULL UNIQUE,
      terminal_id TEXT NOT NULL,
      centre TEXT NOT NULL,
      handled_at TEXT NOT NULL,
      handled_by TEXT NOT NULL
    ) STRICT;
    CREATE INDEX IF NOT EXISTS handled_by_terminal ON handled (terminal_id, seq);
    -- Who looked at or printed which application: token ids and uuids only, never answers.
    CREATE TABLE IF NOT EXISTS audit (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      token_id TEXT NOT NULL,
      action TEXT NOT NULL,
      uuid TEXT NOT NULL
    ) STRICT;`);
    this.statements = {
      mark: this.db.prepare(
        `INSERT INTO handled (uuid, terminal_id, centre, handled_at, handled_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (uuid) DO NOTHING`,
      ),
      one: this.db.prepare('SELECT handled_at FROM handled WHERE uuid = ?'),
      audit: this.db.prepare('INSERT INTO audit (at, token_id, action, uuid) VALUES (?, ?, ?, ?)'),
      latest: this.db.prepare(
        'SELECT at, token_id AS tokenId, action, uuid FROM audit ORDER BY id DESC LIMIT ?',
      ),
      all: this.db.prepare('SELECT uuid, handled_at FROM handled'),
      since: this.db.prepare(
        `SELECT seq, uuid, terminal_id AS terminalId, centre, handled_at AS handledAt FROM handled
         WHERE terminal_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
      ),
    };
  }

  /** Marks handled once; the first mark's time stays. Returns the time the submission counts as handled. */
  mark(mark: Omit<HandledMark, 'seq'>, by: string): string {
    this.statements.mark.run(mark.uuid, mark.terminalId, mark.centre, mark.handledAt, by);
    return (this.statements.one.get(mark.uuid) as { handled_at: string }).handled_at;
  }

  /** A staff action on the desk page (`desk.view`, `desk.print_application`, `desk.mark_handled`). */
  audit(at: string, tokenId: string, action: string, uuid: string): void {
    this.statements.audit.run(at, tokenId, action, uuid);
  }

  latestAudit(limit = 50): { at: string; tokenId: string; action: string; uuid: string }[] {
    return this.statements.latest.all(limit) as {
      at: string;
      tokenId: string;
      action: string;
      uuid: string;
    }[];
  }

  handledAt(uuid: string): string | null {
    return (this.statements.one.get(uuid) as { handled_at: string } | undefined)?.handled_at ?? null;
  }

  all(): Map<string, string> {
    const rows = this.statements.all.all() as { uuid: string; handled_at: string }[];
    return new Map(rows.map((row) => [row.uuid, row.handled_at]));
  }

  sinceForTerminal(terminalId: string, since: number, limit: number): HandledMark[] {
    return this.statements.since.all(terminalId, since, limit) as HandledMark[];
  }

  close(): void {
    this.db.close();
  }
}
