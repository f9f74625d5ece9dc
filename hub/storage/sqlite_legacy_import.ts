import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/**
 * Before issue 21 the desk marks and the enrollment codes lived in files of their own beside `hub.sqlite`.
 * On first open after the upgrade their rows are copied into the hub database (one transaction each) and
 * the old file is renamed `*.imported`, so nothing staff marked and no open code is lost.
 */
export function importLegacyFiles(db: Database.Database, dataDir: string): void {
  const desk = path.join(dataDir, 'desk.sqlite');
  if (fs.existsSync(desk))
    importFile(db, desk, () => {
      db.exec(`INSERT OR IGNORE INTO desk_states (uuid, terminal_id, state, changed_at, changed_by, seq)
        SELECT uuid, terminal_id, 'handled', handled_at, handled_by, seq FROM legacy.handled`);
      db.exec(`INSERT INTO desk_audit (at, token_id, action, uuid)
        SELECT at, token_id, action, uuid FROM legacy.audit ORDER BY id`);
    });
  const enrollment = path.join(dataDir, 'enrollment.sqlite');
  if (fs.existsSync(enrollment))
    importFile(db, enrollment, () => {
      // The codes were hashed under that file's salt: it becomes the hub's enrollment salt.
      db.exec(
        `INSERT OR REPLACE INTO meta (key, value) SELECT 'enrollment_salt', value FROM legacy.meta WHERE key = 'salt'`,
      );
      db.exec(`INSERT OR IGNORE INTO enrollment_codes
        SELECT code_id, hash, terminal_id, centre, template, created_at, expires_at, redeemed_at FROM legacy.enrollment_codes`);
    });
}

function importFile(db: Database.Database, file: string, copy: () => void): void {
  db.prepare('ATTACH DATABASE ? AS legacy').run(file);
  try {
    db.transaction(copy).immediate();
  } finally {
    db.exec('DETACH DATABASE legacy');
  }
  fs.renameSync(file, `${file}.imported`);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}
