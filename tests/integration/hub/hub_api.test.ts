import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../common/forms/canonical_json';
import { type RawAnswer, rawRequest } from '../sync/support/http_request';
import {
  allStored,
  enrollTerminal,
  staffToken,
  startTestHub,
  type TestHub,
} from '../sync/support/hub_harness';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A submission body like the forms core writes: canonical payload and its hash. */
function submission(
  uuid: string,
  terminalId: string,
  answers: Record<string, unknown> = { topic: '租金纠纷' },
) {
  const payload = canonicalJson({
    formatVersion: 1,
    uuid,
    template: { id: 'sync_fixture_form', version: '1.0.0' },
    terminalId,
    centreId: 'centre-a',
    receiptNo: `R-${uuid.slice(0, 8)}`,
    createdAt: '2026-11-28T10:00:00.000Z',
    priority: false,
    assisted: false,
    answers,
    feeReduction: null,
  });
  return {
    terminalId,
    templateId: 'sync_fixture_form',
    templateVersion: '1.0.0',
    payload,
    sha256: sha(payload),
    receiptNo: `R-${uuid.slice(0, 8)}`,
    createdAt: '2026-11-28T10:00:00.000Z',
    priority: 0,
    assisted: false,
  };
}

describe('hub API', () => {
  let hub: TestHub;
  let token: string;
  let otherToken: string;
  let staff: string;
  const headers = (bearer: string, extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${bearer}`,
    'content-type': 'application/json',
    'x-kiosk-app-version': '0.1.0',
    'x-kiosk-schema-version': '2',
    ...extra,
  });
  const put = (
    uuid: string,
    body: unknown,
    bearer = token,
    extra: Record<string, string> = {},
  ): Promise<RawAnswer> =>
    rawRequest(hub.url, {
      method: 'PUT',
      path: `/api/v1/submissions/${uuid}`,
      headers: headers(bearer, extra),
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    hub = await startTestHub({ minAppVersion: '0.1.0', rateLimit: { burst: 1000, perSecond: 1000 } });
    token = await enrollTerminal(hub.store, 'kiosk-1');
    otherToken = await enrollTerminal(hub.store, 'kiosk-2', 'centre-b');
    staff = await staffToken(hub.store);
  });
  afterAll(() => hub.stop());

  it('stores a first delivery (201) and answers a resend with the same receipt (200)', async () => {
    const uuid = randomUUID();
    const body = submission(uuid, 'kiosk-1');
    const first = await put(uuid, body);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ uuid, sha256: body.sha256, hubId: hub.store.hubId });
    const again = await put(uuid, body);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect((await allStored(hub.store)).filter((row) => row.uuid === uuid)).toHaveLength(1);
  });

  it('answers other content under a stored id with 409 and keeps the first', async () => {
    const uuid = randomUUID();
    const original = submission(uuid, 'kiosk-1');
    expect((await put(uuid, original)).status).toBe(201);
    const changed = await put(uuid, submission(uuid, 'kiosk-1', { topic: 'changed' }));
    expect(changed.status).toBe(409);
    expect((await allStored(hub.store)).find((row) => row.uuid === uuid)?.sha256).toBe(original.sha256);
  });

  it('refuses invalid submissions with 422 and a reason, storing nothing', async () => {
    const before = await hub.store.countSubmissions();
    const uuid = randomUUID();
    const wrongHash = { ...submission(uuid, 'kiosk-1'), sha256: 'a'.repeat(64) };
    expect(await put(uuid, wrongHash)).toMatchObject({ status: 422, json: { error: 'hash_mismatch' } });
    const missingAnswer = submission(uuid, 'kiosk-1', { urgent: true });
    const refused = await put(uuid, missingAnswer);
    expect(refused).toMatchObject({ status: 422, json: { error: 'invalid_payload' } });
    expect((refused.json as { detail: string }).detail).toContain('topic');
    const unknownVersion = { ...submission(uuid, 'kiosk-1'), templateVersion: '9.9.9' };
    expect(await put(uuid, unknownVersion)).toMatchObject({
      status: 422,
      json: { error: 'unknown_template_version' },
    });
    const extraField = { ...submission(uuid, 'kiosk-1'), admin: true };
    expect(await put(uuid, extraField)).toMatchObject({ status: 422, json: { error: 'invalid_request' } });
    expect(await hub.store.countSubmissions()).toBe(before);
  });

  it('lets a terminal write only its own submissions (403) and demands current apps (426)', async () => {
    const uuid = randomUUID();
    expect((await put(uuid, submission(uuid, 'kiosk-1'), otherToken)).status).toBe(403);
    const outdated = await put(uuid, submission(uuid, 'kiosk-1'), token, { 'x-kiosk-app-version': '0.0.9' });
    expect(outdated).toMatchObject({
      status: 426,
      json: { error: 'upgrade_required', minAppVersion: '0.1.0' },
    });
    expect((await allStored(hub.store)).some((row) => row.uuid === uuid)).toBe(false);
  });

  it('refuses hostile requests with the right status and stores nothing', async () => {
    const before = await hub.store.countSubmissions();
    const uuid = randomUUID();
    const good = JSON.stringify(submission(uuid, 'kiosk-1'));
    const send = (path: string, hdrs: Record<string, string>, body: string | Buffer = good, method = 'PUT') =>
      rawRequest(hub.url, { method, path, headers: hdrs, body });
    const path = `/api/v1/submissions/${uuid}`;
    const noAuth = headers(token);
    delete (noAuth as Record<string, string>).authorization;
    expect((await send(path, noAuth)).status).toBe(401);
    expect((await send(path, headers(`${token.slice(0, -4)}AAAA`))).status).toBe(401);
    expect((await send(path, headers('x"; DROP TABLE submissions; --'))).status).toBe(401);
    expect((await send(path, headers(staff))).status).toBe(403);
    expect((await send(path, headers(token), '{"terminalId": "kiosk-1",')).status).toBe(400);
    expect((await send(path, headers(token), '{"__proto__": {"admin": true}}')).status).toBe(422);
    expect((await send(path, headers(token, { 'content-type': 'text/plain' }))).status).toBe(415);
    expect(
      (await send(path, headers(token, { 'content-type': 'application/x-www-form-urlencoded' }))).status,
    ).toBe(415);
    const tenMegabytes = Buffer.alloc(10 * 1024 * 1024, 0x61);
    expect((await send(path, headers(token), tenMegabytes)).status).toBe(413);
    for (const id of [
      '..%2F..%2Fhub.sqlite',
      '%2e%2e',
      "1'%20OR%20'1'='1",
      `${uuid.toUpperCase()}`,
      `${uuid}%00`,
      'x'.repeat(300),
    ]) {
      const answer = await send(`/api/v1/submissions/${id}`, headers(token));
      expect([400, 404], id).toContain(answer.status);
    }
    const traversal = await send('/api/v1/submissions/../../../etc/passwd', headers(token));
    expect([400, 404]).toContain(traversal.status);
    expect((await send(path, headers(token), good, 'DELETE')).status).toBe(405);
    expect(await hub.store.countSubmissions()).toBe(before);
  });

  it('answers health without a token, with its hub id', async () => {
    const health = await rawRequest(hub.url, { method: 'GET', path: '/api/v1/health' });
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ service: 'baotou-kiosk-hub', hubId: hub.store.hubId, protocol: 1 });
  });

  it('lists what arrived to staff only, by centre, after a cursor', async () => {
    const uuid = randomUUID();
    await put(uuid, submission(uuid, 'kiosk-1'));
    const asTerminal = await rawRequest(hub.url, {
      method: 'GET',
      path: '/api/v1/submissions',
      headers: headers(token),
    });
    expect(asTerminal.status).toBe(403);
    const list = await rawRequest(hub.url, {
      method: 'GET',
      path: '/api/v1/submissions?centre=centre-a&since=0',
      headers: headers(staff),
    });
    expect(list.status).toBe(200);
    const { items, next } = list.json as { items: { uuid: string; centre: string }[]; next: number };
    expect(items.some((item) => item.uuid === uuid)).toBe(true);
    expect(items.every((item) => item.centre === 'centre-a')).toBe(true);
    const after = await rawRequest(hub.url, {
      method: 'GET',
      path: `/api/v1/submissions?since=${next}`,
      headers: headers(staff),
    });
    expect((after.json as { items: unknown[] }).items).toEqual([]);
    const bad = await rawRequest(hub.url, {
      method: 'GET',
      path: '/api/v1/submissions?since=1;DROP',
      headers: headers(staff),
    });
    expect(bad.status).toBe(422);
  });

  it('stores heartbeats for the fleet view and refuses malformed ones', async () => {
    const heartbeat = {
      appVersion: '0.1.0',
      schemaVersion: 2,
      queue: { pending: 3, rejected: 0, quarantined: 0 },
      lastSyncAt: '2026-11-28T10:00:00.000Z',
      printer: { status: 'ok' },
      speech: { status: 'degraded' },
    };
    const sent = await rawRequest(hub.url, {
      method: 'POST',
      path: '/api/v1/heartbeat',
      headers: headers(token),
      body: JSON.stringify(heartbeat),
    });
    expect(sent.status).toBe(200);
    expect(
      (await hub.store.heartbeats()).find((record) => record.terminalId === 'kiosk-1')?.heartbeat,
    ).toEqual(heartbeat);
    const bad = await rawRequest(hub.url, {
      method: 'POST',
      path: '/api/v1/heartbeat',
      headers: headers(token),
      body: JSON.stringify({ ...heartbeat, queue: { pending: -1 } }),
    });
    expect(bad.status).toBe(422);
  });

  it('serves the manifest and items whose bytes match the listed SHA-256', async () => {
    const manifest = await rawRequest(hub.url, {
      method: 'GET',
      path: '/api/v1/manifest',
      headers: headers(token),
    });
    const item = (manifest.json as { items: { kind: string; id: string; version: string; sha256: string }[] })
      .items[0]!;
    expect(item).toMatchObject({ kind: 'template', id: 'sync_fixture_form', version: '1.0.0' });
    const body = await rawRequest(hub.url, {
      method: 'GET',
      path: '/api/v1/items/template/sync_fixture_form/1.0.0',
      headers: headers(token),
    });
    const bytes = Buffer.from(body.text, 'utf8');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(item.sha256);
    const missing = await rawRequest(hub.url, {
      method: 'GET',
      path: '/api/v1/items/template/..%2F..%2Fhub.sqlite/1',
      headers: headers(token),
    });
    expect(missing.status).toBe(404);
  });
});

describe('hub rate limit', () => {
  it('answers 429 with Retry-After when one token sends faster than its bucket', async () => {
    const hub = await startTestHub({ rateLimit: { burst: 5, perSecond: 1 } });
    try {
      const token = await enrollTerminal(hub.store, 'kiosk-9');
      const statuses: number[] = [];
      let retryAfter: string | undefined;
      for (let i = 0; i < 8; i++) {
        const answer = await rawRequest(hub.url, {
          method: 'GET',
          path: '/api/v1/manifest',
          headers: { authorization: `Bearer ${token}`, 'x-kiosk-app-version': '0.1.0' },
        });
        statuses.push(answer.status);
        retryAfter ??= answer.headers['retry-after'] as string | undefined;
      }
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    } finally {
      await hub.stop();
    }
  });
});
