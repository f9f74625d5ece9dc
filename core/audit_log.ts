import type { KioskDatabase } from './storage/database';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
}

/**
 * The audit log: who did what, when — as identifiers only. Actions and subjects are validated as
 * lower-case identifiers so free text (and with it personal data) cannot be written here.
 */
export class AuditLog {
  private readonly insert;
  private readonly recent;

  constructor(
    db: KioskDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.insert = db.prepare('INSERT INTO audit (at, actor, action, subject) VALUES (?, ?, ?, ?)');
    this.recent = db.prepare('SELECT id, at, actor, action, subject FROM audit ORDER BY id DESC LIMIT ?');
  }

  record(actor: string, action: string, subject = ''): number {
    for (const value of [actor, action, subject]) {
      if (!/^[a-z0-9_.@-]{0,64}$/.test(value)) throw new Error('audit values must be identifiers');
    }
    return Number(this.insert.run(this.now().toISOString(), actor, action, subject).lastInsertRowid);
  }

  latest(limit = 50): AuditEntry[] {
    return this.recent.all(limit) as AuditEntry[];
  }
}
