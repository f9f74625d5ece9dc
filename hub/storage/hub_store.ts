import type { ReviewDetails, ReviewState } from '../../common/status/review_states';
import type {
  Heartbeat,
  ItemKind,
  ManifestItem,
  Receipt,
  StoredSubmission,
  SubmissionEnvelope,
} from '../../common/sync/protocol';

/**
 * Everything the hub keeps (except release files and the release key, which stay in its data folder), behind
 * one asynchronous interface with two implementations: SQLite for one
 * city on one machine (`sqlite_hub_store.ts`, the embedded default) and PostgreSQL for a province served
 * by several hub processes (`postgres_hub_store.ts`). Both pass the same contract suite
 * (`tests/integration/hub/store_contract.test.ts`).
 */
export const ROLES = ['terminal', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  tokenId: string;
  role: Role;
  /** Set for terminal tokens: the only terminal whose submissions this token may write. */
  terminalId: string | null;
  /**
   * A terminal: its one centre. Staff: the centres it lists on the desk and whose kiosks it answers on
   * video; null = every centre (the province-wide pool). Admin: null.
   */
  centres: readonly string[] | null;
  /** The display name the hub recorded for a staff member (visitors see it in a call); null: none. */
  name: string | null;
}

export interface TokenRecord extends Principal {
  createdAt: string;
  revokedAt: string | null;
}

export interface NewSubmission {
  uuid: string;
  envelope: SubmissionEnvelope;
  centre: string;
}

/** The answer to one submission, decided in the same transaction as its insert. */
export type IntakeOutcome =
  | { kind: 'created'; receipt: Receipt }
  | { kind: 'duplicate'; receipt: Receipt }
  | { kind: 'conflict' };

export interface PublishedItem extends ManifestItem {
  body: Buffer;
  publishedAt: string;
}

export type PublishOutcome = 'published' | 'already_published' | 'version_exists_with_other_content';

export interface HeartbeatRecord {
  terminalId: string;
  receivedAt: string;
  heartbeat: Heartbeat;
}

/** The staff API's listing: ascending by the hub's sequence number, after `since`. */
export interface SubmissionQuery {
  since: number;
  /** Only these centres; undefined = every centre. */
  centres?: readonly string[] | undefined;
  limit: number;
}

/**
 * What the front desk has done with an application. A new review state (issue 23) is one more word here:
 * the stores keep the state as text and check it in TypeScript, so adding one needs no migration.
 */
export const DESK_STATES = ['open', 'handled'] as const;
export type DeskState = (typeof DESK_STATES)[number];

export interface DeskEntry {
  submission: StoredSubmission;
  state: DeskState;
  /** When the current state was set; null while `open` was never changed. */
  stateAt: string | null;
  /** Set once the retention purge blanked the payload. */
  purgedAt: string | null;
}

/** One page of the desk: newest first, filters in the query, `before` a keyset cursor (a sequence number). */
export interface DeskQuery {
  centres: readonly string[] | null;
  state?: DeskState | undefined;
  priority?: boolean | undefined;
  templateId?: string | undefined;
  terminalId?: string | undefined;
  /** Filed at or after this instant (ms since epoch) and before `createdBefore`. */
  createdFrom?: number | undefined;
  createdBefore?: number | undefined;
  /** Only entries older than this sequence number (the `next` of the previous page). */
  before?: number | undefined;
  limit: number;
}

export interface DeskPage {
  entries: DeskEntry[];
  /** The cursor of the next (older) page; null on the last page. */
  next: number | null;
}

/** A state change the terminals fetch (`GET /api/v1/desk/handled?since=SEQ`). */
export interface DeskMark {
  seq: number;
  uuid: string;
  terminalId: string;
  state: DeskState;
  at: string;
}

export interface DeskAuditEntry {
  at: string;
  tokenId: string;
  action: string;
  uuid: string;
}

/** The review state of one application as staff last set it (issue 23); absent while still `received`. */
export interface ReviewRecord {
  state: ReviewState;
  note: string;
  details: ReviewDetails;
  at: string;
  /** The token id of who set it. */
  by: string;
}

/** What a status lookup needs of one application with this receipt number: never its answers. */
export interface StatusCandidate {
  uuid: string;
  templateId: string;
  createdAt: string;
  factorHash: string;
  review: ReviewRecord | null;
}

/** A review change of one terminal's application, for the terminal's own list in staff mode. */
export interface ReviewMark {
  seq: number;
  uuid: string;
  state: ReviewState;
  at: string;
}

export interface EnrollmentCodeRecord {
  codeId: string;
  /** scrypt of the 12 digits under the hub's salt. */
  hash: string;
  terminalId: string;
  centre: string;
  template: unknown;
  createdAt: string;
  expiresAt: string;
}

export type RedeemOutcome =
  | { ok: true; codeId: string; terminalId: string; centre: string; template: unknown }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

export interface GuessLimit {
  burst: number;
  perSecond: number;
}

export interface HubStore {
  readonly hubId: string;
  readonly kind: 'sqlite' | 'postgres';

  addToken(token: TokenRecord & { hash: string }): Promise<void>;
  /** The principal of a live (not revoked) token, by the SHA-256 of the token. */
  findToken(hash: string): Promise<Principal | null>;
  revokeToken(tokenId: string, at: string): Promise<boolean>;
  /** Revokes every live token of a terminal; returns their ids. */
  revokeTerminal(terminalId: string, at: string): Promise<string[]>;
  listTokens(): Promise<TokenRecord[]>;
  /** Ids of tokens revoked at or after `since` (ISO time), for closing their open sockets. */
  revokedSince(since: string): Promise<string[]>;

  /** Stores a batch in ONE transaction; each item is decided by the uuid's unique constraint. */
  storeSubmissions(items: readonly NewSubmission[], receivedAt: string): Promise<IntakeOutcome[]>;
  listSubmissions(query: SubmissionQuery): Promise<StoredSubmission[]>;
  countSubmissions(): Promise<number>;

  deskPage(query: DeskQuery): Promise<DeskPage>;
  deskEntry(uuid: string): Promise<DeskEntry | null>;
  /**
   * Sets an application's desk state (idempotent: setting the state it has keeps the first time).
   * Returns the entry as it is afterwards, or null when there is no such submission.
   */
  setDeskState(change: { uuid: string; state: DeskState; at: string; by: string }): Promise<DeskEntry | null>;
  /** Changes to `state` of one terminal's submissions after `since`, oldest first. */
  deskMarks(query: {
    terminalId: string;
    state: DeskState;
    since: number;
    limit: number;
  }): Promise<DeskMark[]>;
  addDeskAudit(entry: DeskAuditEntry): Promise<void>;
  latestDeskAudit(limit: number): Promise<DeskAuditEntry[]>;
  /**
   * Blanks the payload (the personal data) of applications handled before `handledBefore`; their receipt,
   * hash and metadata stay so a resend is still recognised. Returns how many were purged.
   */
  purgeHandled(handledBefore: string, at: string): Promise<number>;

  /** Keeps the hashed second factor of an application's status lookup (a second call changes nothing). */
  addStatusKey(key: { uuid: string; receiptNo: string; factorHash: string }): Promise<void>;
  /** The applications filed under a receipt number that have a lookup key (receipt numbers are per terminal). */
  statusCandidates(receiptNo: string): Promise<StatusCandidate[]>;
  /** Sets the review state and appends it to the history in one transaction; false: no such application. */
  setReview(uuid: string, review: ReviewRecord): Promise<boolean>;
  review(uuid: string): Promise<ReviewRecord | null>;
  /** Every change of one application, oldest first. */
  reviewHistory(uuid: string): Promise<ReviewRecord[]>;
  /** The latest review changes of one terminal's applications after `since`, oldest first. */
  reviewMarks(query: { terminalId: string; since: number; limit: number }): Promise<ReviewMark[]>;

  /** A value created once per hub (e.g. the enrollment salt): `create()` is stored unless one exists. */
  secret(key: string, create: () => string): Promise<string>;
  addEnrollmentCode(code: EnrollmentCodeRecord): Promise<void>;
  enrollmentCodeExists(hash: string): Promise<boolean>;
  /** Marks the code used in the same transaction that finds it: a code is redeemed at most once. */
  redeemEnrollmentCode(hash: string, now: Date): Promise<RedeemOutcome>;
  /** Deletes codes that expired before `before`. */
  purgeEnrollmentCodes(before: string): Promise<void>;
  /**
   * Takes one attempt from the bucket of `key`, shared by every hub process on this store. Returns 0 when
   * the attempt may go ahead, else how many ms until one may.
   */
  takeAttempt(key: string, limit: GuessLimit, nowMs: number): Promise<number>;
  /** Gives back the attempt a successful try took. */
  refundAttempt(key: string, limit: GuessLimit, nowMs: number): Promise<void>;

  publish(item: Omit<PublishedItem, 'size'>): Promise<PublishOutcome>;
  /** The newest published version of every (kind, id). */
  manifest(): Promise<ManifestItem[]>;
  item(kind: ItemKind, id: string, version: string): Promise<PublishedItem | null>;

  recordHeartbeat(record: HeartbeatRecord): Promise<void>;
  heartbeats(): Promise<HeartbeatRecord[]>;

  /** The duty roster the centres published (JSON text, validated before it is set), or null. */
  roster(): Promise<{ body: string; updatedAt: string } | null>;
  setRoster(body: string, at: string): Promise<void>;

  close(): Promise<void>;
}

/** The centre a terminal's submissions belong to ('' for a terminal enrolled without one). */
export function terminalCentre(principal: Principal): string {
  return principal.centres?.[0] ?? '';
}
