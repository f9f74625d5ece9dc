import type { QueueCounts, SyncProblem } from '../../common/contract/sync_methods';
import type { BatchItem, Receipt } from '../../common/sync/protocol';
import type { KioskDatabase } from '../storage/database';

export interface QueuedSubmission {
  uuid: string;
  templateId: string;
  templateVersion: string;
  payload: string;
  sha256: string;
  receiptNo: string;
  priority: number;
  assisted: number;
  createdAt: string;
}

export type ItemVerdict =
  | { uuid: string; state: 'delivered'; receipt: Receipt }
  | { uuid: string; state: 'rejected' | 'quarantined'; reason: string };

/**
 * The outbox table as the sync worker sees it. Every change is one transaction, so a kill between any two
 * statements leaves each row either before or after a step, never half-way.
 */
export class OutboxQueue {
  private readonly duePending;
  private readonly attempt;
  private readonly deliver;
  private readonly refuse;
  private readonly countByState;
  private readonly problemRows;

  constructor(private readonly db: KioskDatabase) {
    // Oldest first: the outbox row is written with its submission, so rowid order is filing order.
    this.duePending = db.prepare(
      `SELECT s.uuid, s.template_id AS templateId, s.template_version AS templateVersion, s.payload, s.sha256,
              s.receipt_no AS receiptNo, s.priority, s.assisted, s.created_at AS createdAt
       FROM outbox o JOIN submissions s ON s.uuid = o.uuid
       WHERE o.state = 'pending' ORDER BY o.rowid LIMIT ?`,
    );
    this.attempt = db.prepare(
      `UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE uuid = ? AND state = 'pending'`,
    );
    this.deliver = db.prepare(
      `UPDATE outbox SET state = 'delivered', delivered_at = ?, hub_receipt = ?, last_error = NULL,
         next_attempt_at = NULL WHERE uuid = ? AND state = 'pending'`,
    );
    this.refuse = db.prepare(
      `UPDATE outbox SET state = ?, last_error = ?, next_attempt_at = NULL WHERE uuid = ? AND state = 'pending'`,
    );
    this.countByState = db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state');
    this.problemRows = db.prepare(
      `SELECT s.uuid, s.receipt_no AS receiptNo, s.template_id AS templateId, s.template_version AS templateVersion,
              o.state, coalesce(o.last_error, '') AS reason, o.last_attempt_at AS at
       FROM outbox o JOIN submissions s ON s.uuid = o.uuid
       WHERE o.state IN ('rejected', 'quarantined') ORDER BY o.rowid DESC LIMIT ?`,
    );
  }

  /** Up to `limit` pending rows, oldest first, whose serialized size stays under `maxBytes` together. */
  due(limit: number, maxBytes: number): QueuedSubmission[] {
    const rows = this.duePending.all(limit) as QueuedSubmission[];
    const batch: QueuedSubmission[] = [];
    let bytes = 0;
    for (const row of rows) {
      bytes += row.payload.length * 3 + 600;
      // A row larger than the budget still goes, alone, so the hub can answer 413 for it.
      if (batch.length > 0 && bytes > maxBytes) break;
      batch.push(row);
    }
    return batch;
  }

  /** Written BEFORE the request leaves: a kill mid-send leaves a counted attempt and a row still pending. */
  markAttempt(uuids: readonly string[], at: Date): void {
    const stamp = at.toISOString();
    this.db.transaction(() => {
      for (const uuid of uuids) this.attempt.run(stamp, uuid);
    })();
  }

  /** Applies the hub's verdicts in one transaction; rows without a verdict stay pending. */
  apply(verdicts: readonly ItemVerdict[], at: Date): void {
    const stamp = at.toISOString();
    this.db.transaction(() => {
      for (const verdict of verdicts) {
        if (verdict.state === 'delivered')
          this.deliver.run(stamp, JSON.stringify(verdict.receipt), verdict.uuid);
        else this.refuse.run(verdict.state, verdict.reason.slice(0, 300), verdict.uuid);
      }
    })();
  }

  counts(): QueueCounts {
    const counts: QueueCounts = { pending: 0, delivered: 0, rejected: 0, quarantined: 0 };
    for (const row of this.countByState.all() as { state: keyof QueueCounts; n: number }[])
      counts[row.state] = row.n;
    return counts;
  }

  problems(limit: number): SyncProblem[] {
    return this.problemRows.all(limit) as SyncProblem[];
  }
}

export function toBatchItem(row: QueuedSubmission, terminalId: string): BatchItem {
  return {
    uuid: row.uuid,
    terminalId,
    templateId: row.templateId,
    templateVersion: row.templateVersion,
    payload: row.payload,
    sha256: row.sha256,
    receiptNo: row.receiptNo,
    createdAt: row.createdAt,
    priority: row.priority,
    assisted: row.assisted === 1,
  };
}
