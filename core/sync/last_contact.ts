import type { KioskDatabase } from '../storage/database';

const KEY = 'sync.last_contact_at';

/** When the hub itself last answered; kept in settings so "last contact 2 days ago" survives restarts. */
export function readLastContact(db: KioskDatabase): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as
    | { value: string }
    | undefined;
  return row?.value ?? null;
}

export function writeLastContact(db: KioskDatabase, at: Date): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY, at.toISOString());
}
