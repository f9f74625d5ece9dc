import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../core/storage/migrations';
import { DATABASE_FILE, openKioskDatabase } from '../../../core/storage/open_kiosk_database';
import { isPlaintextDatabase } from '../../../core/storage/sqlcipher';
import { createMemoryLogger } from '../../../node_shared/logger';
import { PROJECT_ROOT } from '../../e2e/support/dev_host';
import { filesContaining } from '../../support/kiosk_database';

const NAME = '迁移测试周吴郑';
const DRAFTS = 6_000;

/** A database as the app before encryption left it: plaintext, schema 2, thousands of drafts, one kept. */
function plaintextDataDir(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-plain-'));
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  for (const [index, sql] of MIGRATIONS.slice(0, 2).entries()) {
    db.exec(sql);
    db.pragma(`user_version = ${index + 1}`);
  }
  const insert = db.prepare(
    `INSERT INTO drafts (id, template_id, template_version, answers, retrieval_code, created_at, updated_at)
     VALUES (?, 'legal_aid_application', '1.0.0', ?, ?, '2026-11-28T00:00:00Z', '2026-11-28T00:00:00Z')`,
  );
  db.transaction(() => {
    for (let i = 0; i < DRAFTS; i++) {
      const answers = JSON.stringify({ full_name: i === 17 ? NAME : `访客${i}`, note: 'x'.repeat(1500) });
      insert.run(`draft-${i}`, answers, i === 17 ? '123456789012' : null);
    }
  })();
  db.close();
  return dataDir;
}

/** Runs the start-up's database step in a child and kills it (SIGKILL) as soon as it logs `step`. */
function killAtStep(dataDir: string, step: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      // One process (`--import tsx`, not the tsx CLI, which runs the script in a grandchild that SIGKILL
      // would leave running with the database open).
      ['--import', 'tsx', path.join(import.meta.dirname, 'support/open_database_child.ts'), dataDir],
      { stdio: ['ignore', 'pipe', 'pipe'], cwd: PROJECT_ROOT },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes(`"step":"${step}"`)) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(`${signal ?? code}: ${output}`));
  });
}

describe('encrypting an existing plaintext database in place', () => {
  it.each(['copy', 'encrypt', 'swap', 'shred'])(
    'loses nothing when killed at the %s step and started again',
    async (step) => {
      const dataDir = plaintextDataDir();
      const exit = await killAtStep(dataDir, step);
      expect(exit, exit).toMatch(/^SIGKILL/);

      const db = openKioskDatabase(dataDir, { logger: createMemoryLogger(), now: () => new Date() });
      expect(db.prepare('SELECT count(*) AS n FROM drafts').get()).toEqual({ n: DRAFTS });
      expect(db.prepare("SELECT answers FROM drafts WHERE retrieval_code = '123456789012'").get()).toEqual({
        answers: expect.stringContaining(NAME),
      });
      db.close();
      expect(isPlaintextDatabase(path.join(dataDir, DATABASE_FILE))).toBe(false);
      expect(fs.readdirSync(dataDir).filter((name) => /\.(plaintext|encrypting)/.test(name))).toEqual([]);
      // The plaintext is gone from every file: only the encrypted database holds the name now.
      expect(filesContaining(dataDir, NAME)).toEqual([]);
    },
    120_000,
  );
});
