import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '../../../core/kiosk_core';
import { startHttpRpcServer } from '../../../devhost/http_rpc_server';
import { createMemoryLogger } from '../../../node_shared/logger';

const TOKEN = 'test-token-abcdefghijklmnopqrstuvwxyz';
let core: KioskCore;
let server: http.Server;
let port: number;
let staticRoot: string;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-http-'));
  staticRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-static-'));
  fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>kiosk</title>');
  fs.writeFileSync(path.join(staticRoot, '.secret'), 'hidden');
  fs.mkdirSync(path.join(staticRoot, 'assets'));
  fs.writeFileSync(path.join(staticRoot, 'assets', 'index-CSFGKMFN.js'), 'console.log(1)');
  fs.writeFileSync(path.join(staticRoot, 'assets', 'config.js'), 'console.log(2)');
  core = createKioskCore({
    dataDir,
    configPath: path.resolve(import.meta.dirname, '../../../assets/config.sample.json'),
    appVersion: '1.0.0',
    logger: createMemoryLogger(),
  });
  server = await startHttpRpcServer({
    dispatch: core.dispatch,
    events: core.events,
    token: TOKEN,
    staticRoot,
    port: 0,
  });
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
  core.close();
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so tests can forge Host and Origin headers the way an attacker's page or DNS rebinding would. */
function request(options: {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'POST',
        path: options.path ?? '/rpc',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function rpc(body: unknown, headers: Record<string, string> = {}) {
  return request({
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
  });
}

/** Rows the calls could have written (a draft and its audit entry). */
function auditRows(): number {
  const count = (table: string) =>
    (core.deps.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return count('audit') + count('drafts');
}

describe('dev host HTTP transport', () => {
  it('answers a valid call', async () => {
    const response = await rpc({ method: 'system.health', args: {} });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { appVersion: '1.0.0' } });
  });

  it('refuses calls without the token or with a wrong one', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (authorization) headers.authorization = authorization;
      const response = await request({
        body: JSON.stringify({ method: 'forms.start_draft', args: { templateId: 'legal_aid_application' } }),
        headers,
      });
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(auditRows()).toBe(0);
  });

  it('refuses other hosts and cross-site origins (DNS rebinding, CSRF)', async () => {
    const forged: Record<string, string>[] = [
      { host: 'evil.example:80' },
      { host: `attacker.test:${port}` },
      { origin: 'http://evil.example' },
      { origin: `http://127.0.0.1:${port + 1}` },
    ];
    for (const headers of forged) {
      const response = await rpc(
        { method: 'forms.start_draft', args: { templateId: 'legal_aid_application' } },
        headers,
      );
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    expect(auditRows()).toBe(0);
  });

  it('gives clear errors for unknown methods, bad arguments, malformed JSON and wrong content type', async () => {
    expect((await rpc({ method: 'system.reboot', args: {} })).status).toBe(404);
    const bad = await rpc({ method: 'forms.start_draft', args: { templateId: 7 } });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatchObject({
      code: 'invalid_args',
      issues: [{ path: 'templateId' }],
    });
    const malformed = await rpc('{"method": "system.health", "args": ');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error.code).toBe('invalid_args');
    const envelope = await rpc({ method: 'system.health', args: {}, extra: 1 });
    expect(envelope.status).toBe(400);
    const text = await request({
      body: 'method=system.health',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    const pollution = await rpc(
      '{"method":"forms.start_draft","args":{"templateId":"legal_aid_application","__proto__":{"x":1}}}',
    );
    expect(pollution.status).toBe(400);
    expect(auditRows()).toBe(0);
  });

  it('refuses a 1 MB body before parsing it', async () => {
    const response = await rpc({
      method: 'forms.start_draft',
      args: { templateId: 'x'.repeat(1024 * 1024) },
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body).error.code).toBe('too_large');
    expect(auditRows()).toBe(0);
  });

  it('serves the renderer with security headers and never files outside its folder', async () => {
    const index = await request({ method: 'GET', path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    for (const sneaky of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/.secret',
      '/..%2f..%2fetc/passwd',
      '/%00',
    ]) {
      expect((await request({ method: 'GET', path: sneaky })).status, sneaky).toBe(404);
    }
  });

  it('lets the browser keep content-hashed build files (and their compiled code), never the rest', async () => {
    const hashed = await request({ method: 'GET', path: '/assets/index-CSFGKMFN.js' });
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers['content-security-policy']).toContain("default-src 'self'");
    for (const fresh of ['/', '/index.html', '/assets/config.js'])
      expect((await request({ method: 'GET', path: fresh })).headers['cache-control'], fresh).toBe(
        'no-store',
      );
    const refused = await request({ method: 'POST', path: '/rpc', body: '{}' });
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('streams core events to a subscriber holding the token', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port,
          path: '/events',
          headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${TOKEN}` },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => {
            text += chunk;
            if (text.includes('system.heartbeat')) {
              req.destroy();
              resolve(text);
            }
          });
          setTimeout(() => core.events.emit('system.heartbeat', { at: '2026-01-01T00:00:00Z' }), 50);
        },
      );
      req.on('error', reject);
    });
    expect(await received).toContain('data: {"at":"2026-01-01T00:00:00Z"}');
  });
});
