import type http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { HubChannel } from '../../common/contract/sync_methods';
import { err, ok, type Result } from '../../common/result';
import { parseRetryAfter } from '../../common/sync/backoff';
import {
  type BatchItem,
  type BatchResponse,
  batchResponseSchema,
  errorBodySchema,
  HEADER_APP_VERSION,
  HEADER_SCHEMA_VERSION,
  type Heartbeat,
  healthBodySchema,
  itemPath,
  type Manifest,
  type ManifestItem,
  manifestSchema,
} from '../../common/sync/protocol';
import { endpointAgent, type HubAnswer, type HubEndpoint, hubRequest } from '../../node_shared/hub_request';
import type { HubIdentityWatch } from '../trust/hub_identity_watch';

export interface HubClientOptions {
  /** The hub of the organisation profile, with its pinned TLS. */
  endpoint: HubEndpoint;
  /** Told when a connection met a server that is not the pinned hub (and when the real hub answered). */
  identity: HubIdentityWatch;
  token: string;
  /** The hub id inside the token: answers from any other hub (or a captive portal) are not the hub. */
  hubId: string;
  appVersion: string;
  schemaVersion: number;
  timeoutMs: number;
}

/**
 * What one exchange with the hub came to. `retry`: nothing was decided (network, timeout, 5xx, 408, 429,
 * or an answer that is not the hub's JSON, e.g. a captive portal's HTML page). `refused`: the hub itself
 * answered a 4xx JSON error for the whole request.
 */
export type Failure =
  | { kind: 'retry'; why: string; retryAfterMs: number | null; hubAnswered?: boolean }
  | { kind: 'not_enrolled' }
  | { kind: 'update_required' }
  | { kind: 'refused'; status: number; error: string };

const MAX_JSON_ANSWER = 8 * 1024 * 1024;
const MAX_ITEM_ANSWER = 64 * 1024 * 1024;

function isJson(headers: IncomingHttpHeaders): boolean {
  return /^application\/json\b/i.test(headers['content-type'] ?? '');
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The kiosk's side of the protocol, one keep-alive connection pool to the hub. Every new connection is
 * verified against the organisation profile's pins before a byte is sent: a server that is not the hub
 * gets nothing, and the refusal is a `retry` (the real hub may come back) that staff see as a mismatch.
 */
export class HubClient {
  private readonly agent: http.Agent;

  constructor(private readonly options: HubClientOptions) {
    this.agent = endpointAgent(options.endpoint, { maxSockets: 2 });
  }

  close(): void {
    this.agent.destroy();
  }

  private async request(
    channel: HubChannel,
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    maxAnswer: number,
  ): Promise<Result<HubAnswer, Failure>> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
    const answer = await hubRequest(this.options.endpoint, path, {
      method,
      agent: this.agent,
      timeoutMs: this.options.timeoutMs,
      maxAnswerBytes: maxAnswer,
      body: payload,
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${this.options.token}`,
        [HEADER_APP_VERSION]: this.options.appVersion,
        [HEADER_SCHEMA_VERSION]: String(this.options.schemaVersion),
        ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
      },
    });
    if (answer.ok) return answer;
    const failure = answer.error;
    if (failure.kind === 'identity_mismatch') this.options.identity.mismatch(channel);
    const why =
      failure.kind === 'network'
        ? failure.code
        : failure.kind === 'too_large'
          ? 'answer_too_large'
          : failure.kind;
    return err({ kind: 'retry', why, retryAfterMs: null });
  }

  /** Maps an answer that is not the expected success to a failure. */
  private failureOf(answer: HubAnswer): Failure {
    const retryAfterMs = parseRetryAfter(answer.headers['retry-after'], new Date());
    const { status } = answer;
    const hubError = isJson(answer.headers) ? errorBodySchema.safeParse(parseJson(answer.body)) : null;
    if (status === 401 && hubError?.success) return { kind: 'not_enrolled' };
    if (status === 426 && hubError?.success) return { kind: 'update_required' };
    if (status >= 400 && status < 500 && status !== 408 && status !== 429 && hubError?.success)
      return { kind: 'refused', status, error: hubError.data.error };
    // 5xx, 408, 429, and anything that is not the hub speaking (a proxy's or portal's page).
    return { kind: 'retry', why: `http_${status}`, retryAfterMs, hubAnswered: hubError?.success === true };
  }

  async sendBatch(items: readonly BatchItem[]): Promise<Result<BatchResponse, Failure>> {
    const answer = await this.request(
      'sync',
      'POST',
      '/api/v1/submissions/batch',
      { items },
      MAX_JSON_ANSWER,
    );
    if (!answer.ok) return answer;
    if (answer.value.status !== 200) return err(this.failureOf(answer.value));
    const parsed = isJson(answer.value.headers)
      ? batchResponseSchema.safeParse(parseJson(answer.value.body))
      : null;
    if (!parsed?.success || parsed.data.hubId !== this.options.hubId)
      return err({ kind: 'retry', why: 'not_a_hub_answer', retryAfterMs: null });
    return ok(parsed.data);
  }

  /** True when the hub itself answered its health probe (its id matches the one in our token). */
  async probe(): Promise<boolean> {
    const answer = await this.request('sync', 'GET', '/api/v1/health', undefined, 64 * 1024);
    if (!answer.ok || answer.value.status !== 200 || !isJson(answer.value.headers)) return false;
    const health = healthBodySchema.safeParse(parseJson(answer.value.body));
    const ours = health.success && health.data.hubId === this.options.hubId;
    if (ours) this.options.identity.verified();
    return ours;
  }

  async manifest(): Promise<Result<Manifest, Failure>> {
    const answer = await this.request('downlink', 'GET', '/api/v1/manifest', undefined, MAX_JSON_ANSWER);
    if (!answer.ok) return answer;
    if (answer.value.status !== 200) return err(this.failureOf(answer.value));
    const parsed = isJson(answer.value.headers)
      ? manifestSchema.safeParse(parseJson(answer.value.body))
      : null;
    if (!parsed?.success || parsed.data.hubId !== this.options.hubId)
      return err({ kind: 'retry', why: 'not_a_hub_answer', retryAfterMs: null });
    return ok(parsed.data);
  }

  /** The bytes of one published item; the caller verifies them against the manifest's SHA-256. */
  async download(item: ManifestItem): Promise<Result<Buffer, Failure>> {
    const answer = await this.request(
      'downlink',
      'GET',
      itemPath(item),
      undefined,
      Math.min(item.size, MAX_ITEM_ANSWER),
    );
    if (!answer.ok) return answer;
    if (answer.value.status !== 200) return err(this.failureOf(answer.value));
    return ok(answer.value.body);
  }

  async heartbeat(heartbeat: Heartbeat): Promise<Result<true, Failure>> {
    const answer = await this.request('heartbeat', 'POST', '/api/v1/heartbeat', heartbeat, 64 * 1024);
    if (!answer.ok) return answer;
    return answer.value.status === 200 ? ok(true) : err(this.failureOf(answer.value));
  }
}
