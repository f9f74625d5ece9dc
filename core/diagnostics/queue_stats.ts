import type { KioskDatabase } from '../storage/database';

export interface QueueStats {
  pending: number;
  delivered: number;
  rejected: number;
  quarantined: number;
  /** When the hub last acknowledged a submission; null if never. */
  lastDeliveredAt: string | null;
}

/** Counts of the outbox by state (identifiers and counts only, never a payload). */
export function queueStats(db: KioskDatabase): QueueStats {
  const stats: QueueStats = { pending: 0, delivered: 0, rejected: 0, quarantined: 0, lastDeliveredAt: null };
  const rows = db.prepare('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state').all() as {
    state: keyof Omit<QueueStats, 'lastDeliveredAt'>;
    n: number;
  }[];
  for (const row of rows) stats[row.state] = row.n;
  const last = db.prepare('SELECT MAX(delivered_at) AS at FROM outbox').get() as { at: string | null };
  stats.lastDeliveredAt = last.at;
  return stats;
}
