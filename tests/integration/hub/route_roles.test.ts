import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubRoutes } from '../../../hub/hub_server';
import { ROLES, type Role } from '../../../hub/storage/hub_store';
import { issueToken } from '../../../hub/tokens';
import { createLogger } from '../../../node_shared/logger';
import { rawRequest } from '../sync/support/http_request';
import { startTestHub, type TestHub, tempDir } from '../sync/support/hub_harness';

/** One request per route of the table; a route added without one here fails the first test. */
const SAMPLES: { method: string; path: string }[] = [
  { method: 'GET', path: '/api/v1/health' },
  { method: 'GET', path: '/api/v1/submissions' },
  { method: 'POST', path: '/api/v1/submissions/batch' },
  { method: 'PUT', path: `/api/v1/submissions/${randomUUID()}` },
  { method: 'GET', path: '/api/v1/manifest' },
  { method: 'GET', path: '/api/v1/items/template/sync_fixture_form/1.0.0' },
  { method: 'POST', path: '/api/v1/heartbeat' },
  { method: 'GET', path: '/api/v1/terminals' },
  { method: 'POST', path: '/api/v1/enroll' },
  { method: 'POST', path: '/api/v1/enrollment-codes' },
  { method: 'GET', path: '/desk/desk.css' },
  { method: 'GET', path: '/desk' },
  { method: 'GET', path: `/desk/s/${randomUUID()}` },
  { method: 'GET', path: `/desk/s/${randomUUID()}/application.pdf` },
  { method: 'POST', path: `/desk/s/${randomUUID()}/handled` },
  { method: 'POST', path: `/desk/s/${randomUUID()}/review` },
  { method: 'POST', path: '/api/v1/status/lookup' },
  { method: 'PUT', path: `/api/v1/status/${randomUUID()}` },
  { method: 'GET', path: '/api/v1/status/feed' },
  { method: 'GET', path: '/api/v1/desk/handled' },
  { method: 'GET', path: '/fleet' },
  { method: 'GET', path: '/agent' },
  { method: 'GET', path: '/api/v1/updates/stable/latest-linux.yml' },
  { method: 'PUT', path: '/api/v1/updates/stable/latest-linux.yml' },
];

describe('the route table: the router checks each route’s roles', () => {
  let hub: TestHub;
  const tokens = {} as Record<Role, string>;
  const routes = hubRoutes(
    { store: null as never, logger: createLogger(() => {}), dataDir: '/nonexistent' },
    () => new Date(),
  );

  beforeAll(async () => {
    const dataDir = tempDir('hub-roles');
    hub = await startTestHub({ dataDir, rateLimit: { burst: 10_000, perSecond: 10_000 } });
    tokens.terminal = (
      await issueToken(hub.store, { role: 'terminal', terminalId: 'k1', centre: 'c' }, new Date())
    ).token;
    tokens.staff = (
      await issueToken(hub.store, { role: 'staff', centres: ['c'], name: 'S' }, new Date())
    ).token;
    tokens.admin = (await issueToken(hub.store, { role: 'admin', centres: null }, new Date())).token;
  });
  afterAll(() => hub?.stop());

  it('every route of the table has a sample request here', () => {
    for (const route of routes)
      expect(
        SAMPLES.some((s) => route.methods.includes(s.method) && route.path.test(s.path)),
        `${route.methods.join(',')} ${route.path}`,
      ).toBe(true);
  });

  it('refuses a request without a token (401) and with a token of another role (403) on every protected route', async () => {
    for (const route of routes) {
      if (route.access === 'public') continue;
      const sample = SAMPLES.find((s) => route.methods.includes(s.method) && route.path.test(s.path))!;
      const send = (token: string | null) =>
        rawRequest(hub.url, {
          method: sample.method,
          path: sample.path,
          headers: {
            'x-kiosk-app-version': '0.1.0',
            'content-type': 'application/json',
            origin: hub.url,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: sample.method === 'GET' ? undefined : '{}',
        });
      const label = `${sample.method} ${sample.path}`;
      expect((await send(null)).status, label).toBe(401);
      for (const role of ROLES) {
        const status = (await send(tokens[role])).status;
        if (route.access.includes(role)) expect([401, 403], `${label} as ${role}`).not.toContain(status);
        else expect(status, `${label} as ${role}`).toBe(403);
      }
    }
  }, 60_000);

  it('answers 405 with Allow for another method on a known path, 404 for an unknown path', async () => {
    const wrong = await rawRequest(hub.url, { method: 'DELETE', path: '/api/v1/manifest' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET');
    expect((await rawRequest(hub.url, { method: 'GET', path: '/api/v1/nothing' })).status).toBe(404);
  });
});
