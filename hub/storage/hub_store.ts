import type {
  Heartbeat,
  ItemKind,
  ManifestItem,
  Receipt,
  StoredSubmission,
  SubmissionEnvelope,
} from '../../common/sync/protocol';

/**
 * What the hub keeps, behind an interface: SQLite for one city (`sqlite_hub_store.ts`); a PostgreSQL
 * store for a whole province can implement the same methods.
 */
export const ROLES = ['terminal', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  tokenId: string;
  role: Role;
  /** Set for terminal tokens: the only terminal whose submissions this token may write. */
  terminalId: string | null;
  /** The centre a terminal belongs to, or the only centre a staff token may list (null: all). */
  centre: string | null;
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

export interface SubmissionQuery {
  since: number;
  centre?: string | undefined;
  limit: number;
}

export interface HubStore {
  readonly hubId: string;
  addToken(token: TokenRecord & { hash: string }): void;
  /** The principal of a live (not revoked) token, by the SHA-256 of the token. */
  findToken(hash: string): Principal | null;
  revokeToken(tokenId: string, at: string): boolean;
  /** Revokes every live token of a terminal; returns how many. */
  revokeTerminal(terminalId: string, at: string): number;
  listTokens(): TokenRecord[];
  /** Stores a batch in ONE transaction; each item is decided by the uuid's unique constraint. */
  storeSubmissions(items: readonly NewSubmission[], receivedAt: string): IntakeOutcome[];
  listSubmissions(query: SubmissionQuery): StoredSubmission[];
  countSubmissions(): number;
  publish(item: Omit<PublishedItem, 'size'>): PublishOutcome;
  /** The newest published version of every (kind, id). */
  manifest(): ManifestItem[];
  item(kind: ItemKind, id: string, version: string): PublishedItem | null;
  recordHeartbeat(record: HeartbeatRecord): void;
  heartbeats(): HeartbeatRecord[];
  close(): void;
}
