import http, { type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { err, ok, type Result } from '../common/result';
import { type HubUrlProblem, parseHubUrl } from '../common/trust/hub_url';
import { type HubTrustAnchors, isHubIdentityError, type PinnedTlsOptions, pinnedTlsOptions } from './hub_tls';

/** A hub address with the TLS options that accept only that hub (none for plain http on loopback). */
export interface HubEndpoint {
  readonly origin: string;
  readonly tls: PinnedTlsOptions | null;
}

export function hubEndpoint(hubUrl: string, anchors: HubTrustAnchors): Result<HubEndpoint, HubUrlProblem> {
  const url = parseHubUrl(hubUrl);
  if (!url.ok) return url;
  return ok({
    origin: url.value.origin,
    tls: url.value.protocol === 'https:' ? pinnedTlsOptions(anchors) : null,
  });
}

/** A keep-alive connection pool to one hub, verifying it on every new connection. */
export function endpointAgent(endpoint: HubEndpoint, options: { maxSockets: number }): http.Agent {
  return endpoint.tls
    ? new https.Agent({ keepAlive: true, ...options, ...endpoint.tls })
    : new http.Agent({ keepAlive: true, ...options });
}

export interface HubAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * Why no answer came: `identity_mismatch` (the server is not the pinned hub: nothing was sent), `timeout`
 * (the whole exchange took too long), `too_large` (the answer passed its limit), `network` (refused, reset …).
 */
export type HubRequestFailure =
  | { kind: 'identity_mismatch' }
  | { kind: 'timeout' }
  | { kind: 'too_large' }
  | { kind: 'network'; code: string };

export interface HubRequestOptions {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT';
  headers?: OutgoingHttpHeaders;
  body?: Uint8Array | Readable;
  maxAnswerBytes: number;
  /** One deadline for the whole exchange: a hub (or proxy) that hangs or trickles is given up on. */
  timeoutMs: number;
  /** A pool made with `endpointAgent` for this endpoint; without one each request has its own connection. */
  agent?: http.Agent;
}

/** One request to the hub at `path` (absolute path, may carry a query), over the endpoint's pinned TLS. */
export function hubRequest(
  endpoint: HubEndpoint,
  path: string,
  options: HubRequestOptions,
): Promise<Result<HubAnswer, HubRequestFailure>> {
  const url = new URL(path, endpoint.origin);
  if (url.origin !== endpoint.origin || !path.startsWith('/'))
    throw new Error('hub paths are absolute paths');
  const transport = endpoint.tls ? https : http;
  const { body } = options;
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: Result<HubAnswer, HubRequestFailure>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(result);
    };
    const req = transport.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        // Never the global agent: its pooled sockets and TLS sessions are keyed without our identity check.
        agent: options.agent ?? false,
        ...endpoint.tls,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxAnswerBytes) {
            req.destroy();
            done(err({ kind: 'too_large' }));
          } else chunks.push(chunk);
        });
        res.on('end', () =>
          done(ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })),
        );
        res.on('error', () => done(err({ kind: 'network', code: 'reset' })));
        res.on('aborted', () => done(err({ kind: 'network', code: 'reset' })));
      },
    );
    const deadline = setTimeout(() => {
      req.destroy();
      done(err({ kind: 'timeout' }));
    }, options.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) =>
      done(
        err(
          isHubIdentityError(error)
            ? { kind: 'identity_mismatch' }
            : { kind: 'network', code: error.code ?? 'network' },
        ),
      ),
    );
    // ArrayBuffer.isView, not instanceof: bytes from another realm (a test's jsdom) are bytes too.
    if (body === undefined || ArrayBuffer.isView(body)) req.end(body);
    else {
      body.on('error', () => req.destroy());
      body.pipe(req);
    }
  });
}
