import type { IncomingMessage, ServerResponse } from 'node:http';
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
