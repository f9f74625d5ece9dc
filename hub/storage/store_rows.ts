import type { ReviewDetails, ReviewState } from '../../common/status/review_states';
import type { StoredSubmission } from '../../common/sync/protocol';
import {
  DESK_STATES,
  type DeskEntry,
  type DeskQuery,
  type DeskState,
  type Principal,
  type ReviewRecord,
  type Role,
  type StatusCandidate,
  type TokenRecord,
} from './hub_store';

/** Row shapes both stores read (the two schemas use the same column names). */
export interface SubmissionRow {
  seq: number;
  uuid: string;
  terminal_id: string;
  centre: string;
  template_id: string;
  template_version: string;
  payload: string;
  sha256: string;
  receipt_no: string;
  created_at: string;
  received_at: string;
  priority: number;
  /** 0/1 in SQLite, boolean in PostgreSQL. */
  assisted: number | boolean;
  purged_at: string | null;
}

export interface DeskRow extends SubmissionRow {
  state: string | null;
  state_at: string | null;
}

export interface TokenRow {
  token_id: string;
  role: Role;
  terminal_id: string | null;
  centres: string | null;
  name: string | null;
  created_at: string;
  revoked_at: string | null;
}

export function principalOf(row: TokenRow): Principal {
  return {
    tokenId: row.token_id,
    role: row.role,
    terminalId: row.terminal_id,
    centres: row.centres === null ? null : (JSON.parse(row.centres) as string[]),
    name: row.name,
  };
}

export function tokenRecordOf(row: TokenRow): TokenRecord {
  return { ...principalOf(row), createdAt: row.created_at, revokedAt: row.revoked_at };
}

export function storedOf(row: SubmissionRow): StoredSubmission {
  return {
    seq: Number(row.seq),
    uuid: row.uuid,
    terminalId: row.terminal_id,
    centre: row.centre,
    templateId: row.template_id,
    templateVersion: row.template_version,
    payload: row.payload,
    sha256: row.sha256,
    receiptNo: row.receipt_no,
    createdAt: row.created_at,
    receivedAt: row.received_at,
    priority: row.priority,
    assisted: row.assisted === 1 || row.assisted === true,
  };
}

function deskStateOf(value: string | null): DeskState {
  return DESK_STATES.includes(value as DeskState) ? (value as DeskState) : 'open';
}

export function deskEntryOf(row: DeskRow): DeskEntry {
  return {
    submission: storedOf(row),
    state: deskStateOf(row.state),
    stateAt: row.state_at,
    purgedAt: row.purged_at,
  };
}

/** The WHERE clause of a desk page, for both stores: `?` placeholders (SQLite) or `$n` (PostgreSQL). */
export function deskConditions(
  query: DeskQuery,
  placeholder: (index: number) => string,
): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    parts.push(sql(placeholder(params.length)));
  };
  if (query.centres !== null) {
    if (query.centres.length === 0) parts.push('1 = 0');
    else {
      const marks = query.centres.map((centre) => {
        params.push(centre);
        return placeholder(params.length);
      });
      parts.push(`s.centre IN (${marks.join(', ')})`);
    }
  }
  if (query.state === 'open') parts.push("(d.state IS NULL OR d.state = 'open')");
  else if (query.state !== undefined) add((p) => `d.state = ${p}`, query.state);
  if (query.priority !== undefined) parts.push(query.priority ? 's.priority > 0' : 's.priority = 0');
  if (query.templateId !== undefined) add((p) => `s.template_id = ${p}`, query.templateId);
  if (query.terminalId !== undefined) add((p) => `s.terminal_id = ${p}`, query.terminalId);
  if (query.createdFrom !== undefined) add((p) => `s.created_ms >= ${p}`, query.createdFrom);
  if (query.createdBefore !== undefined) add((p) => `s.created_ms < ${p}`, query.createdBefore);
  if (query.before !== undefined) add((p) => `s.seq < ${p}`, query.before);
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export const DESK_COLUMNS =
  's.seq, s.uuid, s.terminal_id, s.centre, s.template_id, s.template_version, s.payload, s.sha256, s.receipt_no, s.created_at, s.received_at, s.priority, s.assisted, s.purged_at, d.state, d.changed_at AS state_at';

export interface ReviewRow {
  state: string;
  note: string;
  details: string;
  changed_at: string;
  changed_by: string;
}

/** A stored review row (the stores write only checked states, so the cast is safe). */
export function reviewOf(row: ReviewRow): ReviewRecord {
  return {
    state: row.state as ReviewState,
    note: row.note,
    details: JSON.parse(row.details) as ReviewDetails,
    at: row.changed_at,
    by: row.changed_by,
  };
}

export interface CandidateRow {
  uuid: string;
  template_id: string;
  created_at: string;
  factor_hash: string;
  state: string | null;
  note: string | null;
  details: string | null;
  changed_at: string | null;
  changed_by: string | null;
}

export const CANDIDATE_SQL = `SELECT k.uuid, s.template_id, s.created_at, k.factor_hash,
    r.state, r.note, r.details, r.changed_at, r.changed_by
  FROM status_keys k JOIN submissions s ON s.uuid = k.uuid LEFT JOIN review_status r ON r.uuid = k.uuid
  WHERE k.receipt_no = `;

export function candidateOf(row: CandidateRow): StatusCandidate {
  return {
    uuid: row.uuid,
    templateId: row.template_id,
    createdAt: row.created_at,
    factorHash: row.factor_hash,
    review: row.state === null ? null : reviewOf(row as ReviewRow),
  };
}
