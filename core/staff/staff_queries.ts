import type { StaffState } from '../../common/contract/staff_methods';
import { REVIEW_STATES, type ReviewState } from '../../common/status/review_states';
import type { KioskDatabase } from '../storage/database';

export interface StaffRow {
  uuid: string;
  receiptNo: string;
  templateId: string;
  templateVersion: string;
  createdAt: string;
  priority: boolean;
  assisted: boolean;
  state: StaffState;
  reason: string | null;
  handledAt: string | null;
  /** The hub's review state (received, accepted, …) and when it was set; null until the hub says. */
  review: { state: ReviewState; at: string } | null;
  hasAnswers: boolean;
}

interface RawRow {
  uuid: string;
  receipt_no: string;
  template_id: string;
  template_version: string;
  created_at: string;
  priority: number;
  assisted: number;
  state: string | null;
  last_error: string | null;
  handled_at: string | null;
  review_state: string | null;
  review_at: string | null;
  has_answers: number;
}

const STATE_WORDS: Record<string, StaffState> = {
  pending: 'waiting',
  delivered: 'sent',
  rejected: 'rejected',
  quarantined: 'quarantined',
};

const SELECT = `SELECT s.uuid, s.receipt_no, s.template_id, s.template_version, s.created_at, s.priority,
  s.assisted, o.state, o.last_error, o.handled_at, o.review_state, o.review_at, s.payload <> '' AS has_answers
  FROM submissions s LEFT JOIN outbox o ON o.uuid = s.uuid`;

function isReviewState(value: string): value is ReviewState {
  return (REVIEW_STATES as readonly string[]).includes(value);
}

function rowOf(raw: RawRow): StaffRow {
  const state = STATE_WORDS[raw.state ?? 'pending'] ?? 'waiting';
  return {
    uuid: raw.uuid,
    receiptNo: raw.receipt_no,
    templateId: raw.template_id,
    templateVersion: raw.template_version,
    createdAt: raw.created_at,
    priority: raw.priority === 1,
    assisted: raw.assisted === 1,
    state,
    reason: state === 'rejected' || state === 'quarantined' ? (raw.last_error ?? '').slice(0, 300) : null,
    handledAt: raw.handled_at,
    review:
      raw.review_state && raw.review_at && isReviewState(raw.review_state)
        ? { state: raw.review_state, at: raw.review_at }
        : null,
    hasAnswers: raw.has_answers === 1,
  };
}

/** `YYYY-MM-DD` of an instant in the terminal's own time zone (counts are per local day). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight `days - 1` days before `now`: "today and the days before". */
export function sinceLocalMidnight(now: Date, days: number): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
}

/** The staff view's reads and its writes (handled mark, review state, assisted draft), with bound parameters. */
export class StaffQueries {
  private readonly statements;

  constructor(db: KioskDatabase) {
    this.statements = {
      since: db.prepare(
        `${SELECT} WHERE s.created_at >= ? ORDER BY s.created_at DESC, s.rowid DESC LIMIT 500`,
      ),
      one: db.prepare(`${SELECT} WHERE s.uuid = ?`),
      handled: db.prepare('UPDATE outbox SET handled_at = ? WHERE uuid = ?'),
      handledOnce: db.prepare('UPDATE outbox SET handled_at = ? WHERE uuid = ? AND handled_at IS NULL'),
      // a feed item older than the state already here (feeds may repeat) does not turn it back
      review: db.prepare(
        'UPDATE outbox SET review_state = ?, review_at = ? WHERE uuid = ? AND (review_at IS NULL OR review_at <= ?)',
      ),
      assisted: db.prepare('UPDATE drafts SET assisted = 1 WHERE id = ?'),
    };
  }

  list(since: Date): StaffRow[] {
    return (this.statements.since.all(since.toISOString()) as RawRow[]).map(rowOf);
  }

  get(uuid: string): StaffRow | null {
    const raw = this.statements.one.get(uuid) as RawRow | undefined;
    return raw ? rowOf(raw) : null;
  }

  /** Marks handled now (staff at this terminal); false when there is no such submission. */
  markHandled(uuid: string, at: Date): boolean {
    return this.statements.handled.run(at.toISOString(), uuid).changes === 1;
  }

  /** A handled mark from the hub's desk page; an earlier mark on this terminal is kept. */
  applyHandled(uuid: string, handledAt: string): boolean {
    return this.statements.handledOnce.run(handledAt, uuid).changes === 1;
  }

  /** A review state from the hub's status feed; a state set later than it stays. */
  applyReview(uuid: string, state: string, at: string): boolean {
    if (!isReviewState(state)) return false;
    return this.statements.review.run(state, at, uuid, at).changes === 1;
  }

  markAssisted(draftId: string): boolean {
    return this.statements.assisted.run(draftId).changes === 1;
  }
}
