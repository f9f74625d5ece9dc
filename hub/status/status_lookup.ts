import { randomBytes } from 'node:crypto';
import {
  flowOfTemplate,
  type ReviewStatus,
  type StatusLookupRequest,
} from '../../common/status/review_states';
import type { HubStore } from '../storage/hub_store';
import { hashFactor, sameHash } from './lookup_factor';

const SECRET_KEY = 'status_lookup_secret';

/** The hub's secret that salts every lookup hash (created once, kept with the store). */
export function lookupSecret(store: HubStore): Promise<string> {
  return store.secret(SECRET_KEY, () => randomBytes(32).toString('hex'));
}

/**
 * The status of the application filed under this receipt number whose second factor matches, or null.
 * Null means "no such receipt" and "wrong factor" alike, and both take the same work: the factor is hashed
 * before anything is compared, and every candidate is compared.
 */
export async function lookupStatus(
  store: HubStore,
  secret: string,
  request: StatusLookupRequest,
): Promise<ReviewStatus | null> {
  const [candidates, hash] = await Promise.all([
    store.statusCandidates(request.receiptNo),
    hashFactor(secret, request.receiptNo, request.factor),
  ]);
  const matches = candidates.filter((candidate) => sameHash(candidate.factorHash, hash));
  const found = matches[0];
  const flow = found ? flowOfTemplate(found.templateId) : null;
  if (!found || !flow) return null;
  return {
    receiptNo: request.receiptNo,
    flow,
    state: found.review?.state ?? 'received',
    since: found.review?.at ?? found.createdAt,
    note: found.review?.note ?? '',
    details: found.review?.details ?? {},
  };
}
