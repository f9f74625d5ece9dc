import type { StatusLookupResult } from '../../common/contract/status_methods';
import {
  STATUS_LOOKUP_PATH,
  type StatusLookupRequest,
  statusLookupAnswerSchema,
} from '../../common/status/review_states';
import { HEADER_APP_VERSION, HEADER_SCHEMA_VERSION } from '../../common/sync/protocol';

export interface StatusHub {
  hubUrl: string;
  token: string;
  /** The hub id inside the token: an answer from anything else (a captive portal) is not the hub's. */
  hubId: string;
  appVersion: string;
  schemaVersion: number;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}

/** The result without the centre's phone, which the handler adds from the provisioning file. */
export type HubStatusAnswer = StatusLookupResult extends infer R
  ? R extends StatusLookupResult
    ? Omit<R, 'centrePhone'>
    : never
  : never;
type Answer = HubStatusAnswer;
const OFFLINE: Answer = { ok: false, reason: 'offline' };

/**
 * Asks the hub for one status. Anything but the hub's own answer (network error, timeout, 5xx, a page
 * that is not the hub's JSON, another hub's id) is `offline`: the kiosk never guesses a state.
 */
export async function askHubStatus(hub: StatusHub, request: StatusLookupRequest, now: Date): Promise<Answer> {
  let response: Response;
  try {
    response = await (hub.fetchImpl ?? fetch)(new URL(STATUS_LOOKUP_PATH, hub.hubUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${hub.token}`,
        'content-type': 'application/json',
        [HEADER_APP_VERSION]: hub.appVersion,
        [HEADER_SCHEMA_VERSION]: String(hub.schemaVersion),
      },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(hub.timeoutMs),
    });
  } catch {
    return OFFLINE;
  }
  const isJson = /^application\/json/.test(response.headers.get('content-type') ?? '');
  const body: unknown = isJson ? await response.json().catch(() => undefined) : undefined;
  if (!isJson || body === undefined) return OFFLINE;
  if (response.status === 404) return { ok: false, reason: 'not_found' };
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after') ?? '60');
    return { ok: false, reason: 'rate_limited', retryAfterSeconds: Number.isFinite(seconds) ? seconds : 60 };
  }
  const answer = response.status === 200 ? statusLookupAnswerSchema.safeParse(body) : null;
  if (!answer?.success || answer.data.hubId !== hub.hubId) return OFFLINE;
  return { ok: true, status: answer.data.status, checkedAt: now.toISOString() };
}
