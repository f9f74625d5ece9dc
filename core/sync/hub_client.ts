import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
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

export interface HubClientOptions {
  hubUrl: string;
  token: string;
  /** The hub id inside the token: answers from any other hub (or a captive portal) are not the hub. */
  hubId: string;
  appVersion: string;
  schemaVersion: number;
  timeoutMs: number;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
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

/** The kiosk's side of the protocol over node:http(s), one keep-alive connection pool per hub. */
export class HubClient {
  private readonly agent: http.Agent;
  private readonly base: URL;

  constructor(private readonly options: HubClientOptions) {
    this.base = new URL(options.hubUrl);
    const Agent = this.base.protocol === 'https:' ? https.Agent : http.Agent;
    this.agent = new Agent({ keepAlive: true, maxSockets: 2 });
  }

  close(): void {
    this.agent.destroy();
  }

  private request(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    maxAnswer: number,
  ): Promise<Result<Answer, string>> {
    const url = new URL(path, this.base);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      let settled = false;
      const done = (result: Result<Answer, string>) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve(result);
      };
      const req = transport.request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            accept: 'application/json',
            authorization: `Bearer ${this.options.token}`,
            [HEADER_APP_VERSION]: this.options.appVersion,
            [HEADER_SCHEMA_VERSION]: String(this.options.schemaVersion),
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxAnswer) {
              req.destroy();
              done(err('answer_too_large'));
            } else chunks.push(chunk);
          });
          res.on('end', () =>
            done(ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })),
          );
          res.on('error', () => done(err('reset')));
          res.on('aborted', () => done(err('reset')));
        },
      );
      // One deadline for the whole exchange: a hub (or proxy) that hangs or trickles is given up on.
      const deadline = setTimeout(() => {
        req.destroy();
        done(err('timeout'));
      }, this.options.timeoutMs);
      req.on('error', (error: NodeJS.ErrnoException) => done(err(error.code ?? 'network')));
      req.end(payload);
    });
  }

  /** Maps an answer that is not the expected success to a failure. */
  private failureOf(answer: Answer): Failure {
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
    const answer = await this.request('POST', '/api/v1/submissions/batch', { items }, MAX_JSON_ANSWER);
    if (!answer.ok) return err({ kind: 'retry', why: answer.error, retryAfterMs: null });
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
    const answer = await this.request('GET', '/api/v1/health', undefined, 64 * 1024);
    if (!answer.ok || answer.value.status !== 200 || !isJson(answer.value.headers)) return false;
    const health = healthBodySchema.safeParse(parseJson(answer.value.body));
    return health.success && health.data.hubId === this.options.hubId;
  }

  async manifest(): Promise<Result<Manifest, Failure>> {
    const answer = await this.request('GET', '/api/v1/manifest', undefined, MAX_JSON_ANSWER);
    if (!answer.ok) return err({ kind: 'retry', why: answer.error, retryAfterMs: null });
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
    const answer = await this.request('GET', itemPath(item), undefined, Math.min(item.size, MAX_ITEM_ANSWER));
    if (!answer.ok) return err({ kind: 'retry', why: answer.error, retryAfterMs: null });
    if (answer.value.status !== 200) return err(this.failureOf(answer.value));
    return ok(answer.value.body);
  }

  async heartbeat(heartbeat: Heartbeat): Promise<Result<true, Failure>> {
    const answer = await this.request('POST', '/api/v1/heartbeat', heartbeat, 64 * 1024);
    if (!answer.ok) return err({ kind: 'retry', why: answer.error, retryAfterMs: null });
    return answer.value.status === 200 ? ok(true) : err(this.failureOf(answer.value));
  }
}
