import type { StatusLookupResult } from '../../common/contract/status_methods';
import {
  STATUS_LOOKUP_PATH,
  type StatusLookupRequest,
  statusLookupAnswerSchema,
} from '../../common/status/review_states';
import { HEADER_APP_VERSION, HEADER_SCHEMA_VERSION } from '../../common/sync/protocol';
import { type HubEndpoint, hubRequest } from '../../node_shared/hub_request';
import type { HubIdentityWatch } from '../trust/hub_identity_watch';

export interface StatusHub {
  /** The provisioned hub as the organisation profile pins it. */
  endpoint: HubEndpoint;
  identity: HubIdentityWatch;
  token: string;
  /** The hub id inside the token: an answer from anything else (a captive portal) is not the hub's. */
  hubId: string;
  appVersion: string;
  schemaVersion: number;
  timeoutMs: number;
}

/** The result without the centre's phone, which the handler adds from the provisioning file. */
export type HubStatusAnswer = StatusLookupResult extends infer R
  ? R extends StatusLookupResult
    ? Omit<R, 'centrePhone'>
    : never
  : never;
type Answer = HubStatusAnswer;
const OFFLINE: Answer = { ok: false, reason: 'offline' };
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * Asks the hub for one status, over the pinned TLS of the organisation profile. Anything but the hub's own
 * answer (network error, timeout, 5xx, a page that is not the hub's JSON, another hub's id, a server that
 * is not the pinned hub) is `offline`: the kiosk never guesses a state.
 */
export async function askHubStatus(hub: StatusHub, request: StatusLookupRequest, now: Date): Promise<Answer> {
  const sent = await hubRequest(hub.endpoint, STATUS_LOOKUP_PATH, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${hub.token}`,
      'content-type': 'application/json',
      [HEADER_APP_VERSION]: hub.appVersion,
      [HEADER_SCHEMA_VERSION]: String(hub.schemaVersion),
    },
    body: Buffer.from(JSON.stringify(request), 'utf8'),
    maxAnswerBytes: MAX_ANSWER_BYTES,
    timeoutMs: hub.timeoutMs,
  });
  if (!sent.ok) {
    if (sent.error.kind === 'identity_mismatch') hub.identity.mismatch('status');
    return OFFLINE;
  }
  const { status, headers } = sent.value;
  const isJson = /^application\/json/.test(headers['content-type'] ?? '');
  let body: unknown;
  if (isJson) {
    try {
      body = JSON.parse(sent.value.body.toString('utf8'));
    } catch {
      body = undefined;
    }
  }
  if (!isJson || body === undefined) return OFFLINE;
  if (status === 404) return { ok: false, reason: 'not_found' };
  if (status === 429) {
    const retryAfter = headers['retry-after'];
    const seconds = Number((Array.isArray(retryAfter) ? retryAfter[0] : retryAfter) ?? '60');
    return { ok: false, reason: 'rate_limited', retryAfterSeconds: Number.isFinite(seconds) ? seconds : 60 };
  }
  const answer = status === 200 ? statusLookupAnswerSchema.safeParse(body) : null;
  if (!answer?.success || answer.data.hubId !== hub.hubId) return OFFLINE;
  return { ok: true, status: answer.data.status, checkedAt: now.toISOString() };
}
