import { randomBytes, randomInt, scrypt, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ENROLLMENT_CODE_DIGITS } from '../../common/provisioning/enrollment';

export interface NewEnrollmentCode {
  terminalId: string;
  centre: string;
  /** The provisioning template (already validated), stored as JSON. */
  template: unknown;
  now: Date;
  hours: number;
}

export interface CreatedCode {
  codeId: string;
  /** 12 digits, shown once; the hub keeps only a slow hash of it. */
  code: string;
  expiresAt: string;
}

export type RedeemOutcome =
  | { ok: true; codeId: string; terminalId: string; centre: string; template: unknown }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

export interface EnrollmentStore {
  create(code: NewEnrollmentCode): CreatedCode;
  /** Marks the code used in the same transaction that finds it: a code is redeemed at most once. The slow
   * hash runs off the event loop, so guesses cannot stall the hub. */
  redeem(digits: string, now: Date): Promise<RedeemOutcome>;
  close(): void;
}

/** Codes are kept a week past their expiry (for the record), then deleted. */
const KEEP_AFTER_EXPIRY_MS = 7 * 24 * 3600 * 1000;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS enrollment_codes (
    code_id TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    terminal_id TEXT NOT NULL,
    centre TEXT NOT NULL,
    template TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    redeemed_at TEXT
  ) STRICT;
`;

interface CodeRow {
  code_id: string;
  terminal_id: string;
  centre: string;
  template: string;
  expires_at: string;
  redeemed_at: string | null;
}

/**
 * Enrollment codes in their own SQLite file (`DATA/enrollment.sqlite`), next to the hub database. The
 * code is hashed with scrypt under a per-hub salt: 12 digits are too few for a fast hash if the file leaks.
 */
export function openEnrollmentStore(dataDir: string): EnrollmentStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'enrollment.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?)`).run(
    randomBytes(16).toString('base64'),
  );
  const salt = (db.prepare(`SELECT value FROM meta WHERE key = 'salt'`).get() as { value: string }).value;
  const SCRYPT = { N: 16384, r: 8, p: 1 };
  const hash = (digits: string) => scryptSync(digits, salt, 32, SCRYPT).toString('base64');
  const hashAsync = (digits: string) =>
    new Promise<string>((resolve, reject) =>
      scrypt(digits, salt, 32, SCRYPT, (error, key) =>
        error ? reject(error) : resolve(key.toString('base64')),
      ),
    );

  const insert = db.prepare(
    `INSERT INTO enrollment_codes (code_id, hash, terminal_id, centre, template, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const purge = db.prepare('DELETE FROM enrollment_codes WHERE expires_at < ?');
  const find = db.prepare(
    'SELECT code_id, terminal_id, centre, template, expires_at, redeemed_at FROM enrollment_codes WHERE hash = ?',
  );
  const markUsed = db.prepare(
    'UPDATE enrollment_codes SET redeemed_at = ? WHERE code_id = ? AND redeemed_at IS NULL',
  );

  const redeem = db.transaction((codeHash: string, now: Date): RedeemOutcome => {
    const row = find.get(codeHash) as CodeRow | undefined;
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.redeemed_at !== null) return { ok: false, reason: 'used' };
    if (Date.parse(row.expires_at) <= now.getTime()) return { ok: false, reason: 'expired' };
    if (markUsed.run(now.toISOString(), row.code_id).changes !== 1) return { ok: false, reason: 'used' };
    return {
      ok: true,
      codeId: row.code_id,
      terminalId: row.terminal_id,
      centre: row.centre,
      template: JSON.parse(row.template),
    };
  });

  return {
    create({ terminalId, centre, template, now, hours }) {
      purge.run(new Date(now.getTime() - KEEP_AFTER_EXPIRY_MS).toISOString());
      const expiresAt = new Date(now.getTime() + hours * 3600 * 1000).toISOString();
      const codeId = `enr-${randomBytes(6).toString('hex')}`;
      // A fresh code until it does not collide with a stored one (practically always the first).
      for (;;) {
        const code = Array.from({ length: ENROLLMENT_CODE_DIGITS }, () => randomInt(10)).join('');
        const codeHash = hash(code);
        if (find.get(codeHash)) continue;
        insert.run(
          codeId,
          codeHash,
          terminalId,
          centre,
          JSON.stringify(template),
          now.toISOString(),
          expiresAt,
        );
        return { codeId, code, expiresAt };
      }
    },
    redeem: async (digits, now) => {
      const codeHash = await hashAsync(digits);
      return redeem.immediate(codeHash, now);
    },
    close: () => db.close(),
  };
}
