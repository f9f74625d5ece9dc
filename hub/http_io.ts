import type { IncomingMessage, ServerResponse } from 'node:http';
import { findForbiddenKey } from '../common/contract/rpc_envelope';
import { err, ok, type Result } from '../common/result';

export type BodyError = 'too_large' | 'aborted';

/** Reads a request body up to `limit` bytes; stops reading (and says so) as soon as it is larger. */
export function readBody(req: IncomingMessage, limit: number): Promise<Result<Buffer, BodyError>> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.resolve(err('too_large'));
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Result<Buffer, BodyError>) => {
      req.removeAllListeners('data');
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish(err('too_large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish(ok(Buffer.concat(chunks))));
    req.on('error', () => finish(err('aborted')));
    req.on('aborted', () => finish(err('aborted')));
  });
}

/** Sends a JSON answer. `close` ends the connection afterwards (used when a body was not read). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  options: { headers?: Record<string, string>; close?: boolean } = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(options.close ? { connection: 'close' } : {}),
    ...options.headers,
  });
  res.end(text);
}

export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header
    .toLowerCase()
    .split(';')
    .map((part) => part.trim());
  return type === 'application/json' && params.every((param) => param === '' || param === 'charset=utf-8');
}

/** A refused request, thrown by route handlers: the status, an error code and extra JSON fields. */
export class Refused {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly extra: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {}
}

/** Sends a refusal. Unread bodies (refused before reading) end the connection, so no stray bytes follow. */
export function sendRefused(req: IncomingMessage, res: ServerResponse, refused: Refused): void {
  sendJson(
    res,
    refused.status,
    { error: refused.error, ...refused.extra },
    { headers: refused.headers, close: !req.complete },
  );
}

/** The JSON body of a request: JSON content type, at most `limit` bytes, valid JSON, no prototype keys. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (!isJsonContentType(req.headers['content-type'])) throw new Refused(415, 'unsupported_media_type');
  const body = await readBody(req, limit);
  if (!body.ok) throw new Refused(body.error === 'too_large' ? 413 : 400, body.error);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.value.toString('utf8'));
  } catch {
    throw new Refused(400, 'malformed_json');
  }
  const forbidden = findForbiddenKey(parsed);
  if (forbidden) throw new Refused(422, 'invalid_request', { detail: `forbidden key at ${forbidden}` });
  return parsed;
}

/**
 * Whether a request comes from the hub's own pages. A page of another site must not use the credentials the
 * browser holds for the hub (a form post to the desk, a WebSocket to the signalling): browsers say where a
 * request comes from in `Sec-Fetch-Site`, older ones in `Origin`; a client that sends neither is not a
 * browser and must hold the token itself.
 */
export function isSameOrigin(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
