import http from 'node:http';
import https from 'node:https';
import { testPki } from '../../../support/test_pki';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
}

/**
 * One HTTP(S) request (HTTPS trusting the test centre's CA) with the path sent exactly as given (no URL normalisation, unlike fetch), so tests
 * can send `..`, `%2F` and other hostile paths. Resolves with the answer even if the server closed the
 * connection while the body was still being written (as it does for a refused 10 MB body).
 */
export function rawRequest(
  baseUrl: string,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawAnswer> {
  const base = new URL(baseUrl);
  const secure = base.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      {
        ...(secure ? { ca: testPki().caCertificate } : {}),
        host: base.hostname,
        port: base.port,
        method: options.method,
        path: options.path,
        headers: {
          ...(options.body === undefined
            ? {}
            : { 'content-length': String(Buffer.byteLength(options.body)) }),
          ...options.headers,
        },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      // EPIPE/ECONNRESET after the answer arrived are expected for refused bodies; only reject otherwise.
      if (!req.writableFinished && (error.code === 'EPIPE' || error.code === 'ECONNRESET')) return;
      reject(error);
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error('test request timed out'));
    }, 20_000);
    req.on('close', () => setTimeout(() => clearTimeout(timer), 1_000).unref());
    req.end(options.body);
  });
}
