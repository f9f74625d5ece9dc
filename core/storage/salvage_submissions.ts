import { sha256Hex } from '../forms/submissions';
import type { KioskDatabase } from './sqlcipher';

export interface SalvageCount {
  /** Submissions read back intact (payload matching its SHA-256) and written to the new database. */
  recovered: number;
  /** Rows that could not be read, or whose payload no longer matched its hash. */
  unreadable: number;
}

interface SubmissionRecord {
  uuid: string;
  template_id: string;
  template_version: string;
  payload: string;
  sha256: string;
  receipt_no: string;
  priority: number;
  assisted: number;
  created_at: string;
}

const DELIVERY_STATES = new Set(['pending', 'delivered', 'rejected', 'quarantined']);

/**
 * Reads the submissions of a damaged database one row at a time — a bad page costs the rows on it, not the
 * rest — and writes every intact one with its delivery state into the fresh database. A submission whose
 * state cannot be read goes back to `pending`: the hub dedupes on the uuid, so a resend is harmless.
 */
export function salvageSubmissions(damaged: KioskDatabase, fresh: KioskDatabase): SalvageCount {
  const count: SalvageCount = { recovered: 0, unreadable: 0 };
  let maxRowid = 0;
  try {
    maxRowid =
      Number((damaged.prepare('SELECT max(rowid) AS n FROM submissions').get() as { n: number }).n) || 0;
  } catch {
    return { recovered: 0, unreadable: 1 };
  }
  const byRowid = damaged.prepare('SELECT * FROM submissions WHERE rowid = ?');
  const stateOf = damaged.prepare('SELECT state FROM outbox WHERE uuid = ?');
  const insert = fresh.prepare(
    `INSERT OR IGNORE INTO submissions (uuid, template_id, template_version, payload, sha256, receipt_no, priority,
       assisted, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const outbox = fresh.prepare('INSERT OR IGNORE INTO outbox (uuid, state) VALUES (?, ?)');
  for (let rowid = 1; rowid <= maxRowid; rowid++) {
    let row: SubmissionRecord | undefined;
    try {
      row = byRowid.get(rowid) as SubmissionRecord | undefined;
    } catch {
      count.unreadable += 1;
      continue;
    }
    if (!row) continue;
    let state = 'pending';
    try {
      const read = (stateOf.get(row.uuid) as { state: string } | undefined)?.state;
      if (read && DELIVERY_STATES.has(read)) state = read;
    } catch {
      // unreadable state: send again
    }
    // Intact means the payload still matches its hash; a purged payload (blanked after delivery) is kept
    // only as the record of a delivery, never sent again.
    const intact = row.payload === '' ? state === 'delivered' : sha256Hex(row.payload) === row.sha256;
    if (!intact) {
      count.unreadable += 1;
      continue;
    }
    fresh.transaction(() => {
      insert.run(
        row.uuid,
        row.template_id,
        row.template_version,
        row.payload,
        row.sha256,
        row.receipt_no,
        row.priority,
        row.assisted,
        row.created_at,
      );
      outbox.run(row.uuid, state);
    })();
    count.recovered += 1;
  }
  return count;
}
