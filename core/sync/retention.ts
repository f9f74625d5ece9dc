import type { KioskDatabase } from '../storage/database';

/** Days a submission keeps its personal data on the terminal once delivered (or refused by the hub). */
export const RETENTION_DAYS = 30;

/**
 * Blanks the payload (the personal data) of submissions delivered more than `days` ago. The row, its
 * hash, receipt number and the hub's receipt stay as the record that it was filed and delivered.
 * The immutability trigger allows exactly this change and nothing else. Returns how many were purged.
 */
export function purgeDelivered(db: KioskDatabase, now: Date, days = RETENTION_DAYS): number {
  return purge(db, now, days, `state = 'delivered' AND delivered_at <= ?`);
}

/**
 * The same for submissions the hub refused (rejected or quarantined), `days` after the refusal: staff have
 * seen them on the staff screen meanwhile, and they are never sent again.
 */
export function purgeRefused(db: KioskDatabase, now: Date, days = RETENTION_DAYS): number {
  return purge(db, now, days, `state IN ('rejected', 'quarantined') AND last_attempt_at <= ?`);
}

function purge(db: KioskDatabase, now: Date, days: number, outboxCondition: string): number {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db
    .prepare(
      `UPDATE submissions SET payload = '', purged_at = ?
       WHERE purged_at IS NULL AND uuid IN (SELECT uuid FROM outbox WHERE ${outboxCondition})`,
    )
    .run(now.toISOString(), cutoff).changes;
}
