import type { KioskDatabase } from '../storage/database';

export const DEFAULT_RETENTION_DAYS = 30;
const RETENTION_KEY = 'sync.retention_days';

/** Days a delivered submission keeps its personal data on the terminal (setting, default 30). */
export function retentionDays(db: KioskDatabase): number {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(RETENTION_KEY) as
    | { value: string }
    | undefined;
  const days = Number(row?.value);
  return Number.isInteger(days) && days >= 1 && days <= 3650 ? days : DEFAULT_RETENTION_DAYS;
}

export function setRetentionDays(db: KioskDatabase, days: number): void {
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new RangeError('retention must be 1–3650 days');
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(RETENTION_KEY, String(days));
}

/**
 * Blanks the payload (the personal data) of submissions delivered more than `days` ago. The row, its
 * hash, receipt number and the hub's receipt stay as the record that it was filed and delivered.
 * Migration 2's trigger allows exactly this change and nothing else. Returns how many were purged.
 */
export function purgeDelivered(db: KioskDatabase, now: Date, days = retentionDays(db)): number {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db
    .prepare(
      `UPDATE submissions SET payload = '', purged_at = ?
       WHERE purged_at IS NULL AND uuid IN
         (SELECT uuid FROM outbox WHERE state = 'delivered' AND delivered_at <= ?)`,
    )
    .run(now.toISOString(), cutoff).changes;
}
