import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HUB_TOKEN, PIN, startTestCore, type TestCore } from './technician_core';

let t: TestCore;
afterEach(() => t?.close());

async function unlock() {
  expect(await t.call('technician.unlock', { pin: PIN })).toEqual({ ok: true, reason: 'unlocked' });
}

function fakeHub(handler: http.RequestListener): Promise<{ url: string; close: () => void }> {
  const server = http.createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => server.close(),
      }),
    ),
  );
}

describe('technician mode', () => {
  it('answers "locked" to every diagnostic until the technician PIN is entered', async () => {
    t = startTestCore();
    for (const method of [
      'diagnostics.sync',
      'diagnostics.printers',
      'diagnostics.system',
      'technician.config_view',
      'technician.restart',
    ]) {
      expect(await t.call(method), method).toEqual({ ok: false, reason: 'locked' });
    }
    expect(await t.call('technician.unlock', { pin: '000000' })).toEqual({
      ok: false,
      reason: 'wrong_pin',
      triesLeft: 4,
    });
    await unlock();
    expect(await t.call('diagnostics.sync')).toMatchObject({ ok: true });
    await t.call('technician.lock');
    expect(await t.call('diagnostics.sync')).toEqual({ ok: false, reason: 'locked' });
  });

  it('locks out after 5 wrong PINs, even for the right PIN, and closes after 10 idle minutes', async () => {
    t = startTestCore();
    for (let i = 0; i < 4; i++) await t.call('technician.unlock', { pin: '111111' });
    expect(await t.call('technician.unlock', { pin: '111111' })).toEqual({
      ok: false,
      reason: 'locked_out',
      retryAfterSeconds: 15,
    });
    expect(await t.call('technician.unlock', { pin: PIN })).toMatchObject({
      ok: false,
      reason: 'locked_out',
    });
    t.clock.now += 15_000;
    await unlock();
    t.clock.now += 9 * 60_000;
    expect(await t.call('diagnostics.system')).toMatchObject({ ok: true });
    t.clock.now += 10 * 60_000;
    expect(await t.call('diagnostics.system')).toEqual({ ok: false, reason: 'locked' });
  });

  it('refuses a malformed PIN at the contract and says when no PIN is provisioned', async () => {
    t = startTestCore();
    expect((await t.call('technician.unlock', { pin: "1234' OR 1=1" })).rpcError.code).toBe('invalid_args');
    t.close();
    t = startTestCore({ technicianPinHash: undefined });
    expect(await t.call('technician.unlock', { pin: PIN })).toEqual({ ok: false, reason: 'not_configured' });
  });

  it('measures hub latency and clock skew from the health endpoint', async () => {
    const hub = await fakeHub((_req, res) => {
      res.setHeader('content-type', 'application/json');
      // The hub's clock runs 2 minutes ahead of the terminal's (fake) clock.
      res.end(
        JSON.stringify({
          service: 'baotou-kiosk-hub',
          hubId: 'hub1',
          protocol: 1,
          time: new Date(Date.parse('2026-11-28T10:02:00Z')).toISOString(),
        }),
      );
    });
    t = startTestCore({ hubUrl: hub.url });
    await unlock();
    const result = await t.call('diagnostics.hub');
    hub.close();
    expect(result).toMatchObject({ ok: true, reachable: true, hubId: 'hub1' });
    expect(Math.abs(result.clockSkewMs - 120_000)).toBeLessThan(1_000);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('tells an unreachable hub from a captive portal', async () => {
    const portal = await fakeHub((_req, res) => res.end('<html>Welcome to the hotel Wi-Fi</html>'));
    t = startTestCore({ hubUrl: portal.url });
    await unlock();
    expect(await t.call('diagnostics.hub')).toEqual({ ok: true, reachable: false, reason: 'not_a_hub' });
    portal.close();
    t.close();
    t = startTestCore({ hubUrl: 'http://127.0.0.1:9' });
    await unlock();
    expect(await t.call('diagnostics.hub')).toEqual({ ok: true, reachable: false, reason: 'unreachable' });
  });

  it('reports queue sizes and the last sync from the outbox', async () => {
    t = startTestCore();
    const db = t.core.deps.db;
    const insert = db.prepare(
      "INSERT INTO submissions (uuid, template_id, template_version, payload, sha256, receipt_no, created_at) VALUES (?, 't', '1', '{}', 'x', ?, '2026-11-28T09:00:00Z')",
    );
    const outbox = db.prepare('INSERT INTO outbox (uuid, state, delivered_at) VALUES (?, ?, ?)');
    const states = ['pending', 'pending', 'pending', 'delivered', 'delivered', 'quarantined'];
    states.forEach((state, i) => {
      const uuid = `00000000-0000-4000-8000-00000000000${i}`;
      insert.run(uuid, `R-${i}`);
      outbox.run(uuid, state, state === 'delivered' ? `2026-11-28T09:0${i}:00.000Z` : null);
    });
    await unlock();
    expect(await t.call('diagnostics.sync')).toEqual({
      ok: true,
      lastSyncAt: '2026-11-28T09:04:00.000Z',
      queue: { pending: 3, delivered: 2, rejected: 0, quarantined: 1 },
    });
  });

  it('lists printers, prints a test page and reports the system through the device interfaces', async () => {
    t = startTestCore();
    await unlock();
    const printers = await t.call('diagnostics.printers');
    expect(printers.printers.map((p: { name: string }) => p.name)).toEqual(['Front desk A4', 'Receipt 80mm']);
    expect(await t.call('diagnostics.print_test', { printer: 'Front desk A4' })).toEqual({
      ok: true,
      printed: true,
    });
    expect(await t.call('diagnostics.print_test', { printer: 'Receipt 80mm' })).toEqual({
      ok: true,
      printed: false,
      reason: 'offline',
    });
    expect(t.devices.testPages).toEqual(['Front desk A4']);
    const system = await t.call('diagnostics.system');
    expect(system).toMatchObject({ ok: true, appVersion: '1.0.0', update: { status: 'none' } });
    expect(system.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(system.diskFreeBytes).toBeGreaterThan(0);
    expect(system.diskTotalBytes).toBeGreaterThanOrEqual(system.diskFreeBytes);
  });

  it('says why speech is silent when no speech engine is installed (engine_missing), for staff and technicians', async () => {
    t = startTestCore();
    await unlock();
    const savedPath = process.env.PATH;
    process.env.PATH = '/nonexistent-bin';
    try {
      expect(await t.call('diagnostics.speech')).toMatchObject({
        ok: true,
        status: 'degraded',
        reason: 'engine_missing',
      });
      // The same state without a PIN (no personal data): what the status bar shows staff.
      expect(await t.call('speech.status')).toMatchObject({ state: 'degraded', reason: 'engine_missing' });
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it('opens camera/microphone permission only for an unlocked technician, and closes it on lock', async () => {
    t = startTestCore();
    const seen: unknown[] = [];
    t.core.events.attach((name, payload) => {
      if (name === 'technician.media') seen.push(payload);
    });
    expect(await t.call('diagnostics.media_access', { open: true })).toEqual({ ok: false, reason: 'locked' });
    expect(seen).toEqual([]);
    await unlock();
    expect(await t.call('diagnostics.media_access', { open: true })).toEqual({ ok: true });
    expect(await t.call('diagnostics.media_access', { open: false })).toEqual({ ok: true });
    expect(await t.call('diagnostics.media_access', { open: true })).toEqual({ ok: true });
    await t.call('technician.lock');
    expect(seen).toEqual([{ active: true }, { active: false }, { active: true }, { active: false }]);
    // The lock closed it already: a close from the screen left afterwards is answered `locked` (the dispatcher
    // runs no technician method while locked) and sends nothing new.
    expect(await t.call('diagnostics.media_access', { open: false })).toEqual({
      ok: false,
      reason: 'locked',
    });
    expect(seen).toHaveLength(4);
    expect((await t.call('diagnostics.media_access', { open: 'yes' })).rpcError.code).toBe('invalid_args');
    expect((await t.call('diagnostics.media_access', { open: true, device: 'screen' })).rpcError.code).toBe(
      'invalid_args',
    );
  });

  it('never re-points a provisioned terminal from the screen with an enrollment code', async () => {
    let fetched = 0;
    const hub = await fakeHub((_req, res) => {
      fetched += 1;
      res.end('{}');
    });
    t = startTestCore({ hubUrl: hub.url });
    const before = fs.readFileSync(t.configPath);
    expect(await t.call('provisioning.redeem', { hubUrl: hub.url, code: '123412341234' })).toEqual({
      ok: false,
      reason: 'already_provisioned',
    });
    hub.close();
    expect(fetched).toBe(0);
    expect(fs.readFileSync(t.configPath).equals(before)).toBe(true);
    for (const args of [
      { hubUrl: 'http://x', code: 'x'.repeat(41) },
      { hubUrl: 'http://x', code: '1', extra: true },
      { hubUrl: 1, code: '123412341234' },
    ])
      expect((await t.call('provisioning.redeem', args)).rpcError.code).toBe('invalid_args');
  });

  it('shows the configuration without the hub token or the PIN hash', async () => {
    t = startTestCore();
    await unlock();
    const view = await t.call('technician.config_view');
    expect(view.ok).toBe(true);
    expect(view.hubTokenSet).toBe(true);
    const text = JSON.stringify(view);
    expect(text).not.toContain(HUB_TOKEN);
    expect(text).not.toContain('scrypt$');
    expect(view.rows).toContainEqual({ field: 'terminalId', value: 'sample-kiosk-01' });
    expect(view.rows).toContainEqual({ field: 'languages', value: 'zh-CN, mn-Mong-CN, en' });
  });

  it('exports logs to a folder without personal data or secrets, and asks the shell to restart', async () => {
    t = startTestCore();
    fs.mkdirSync(path.join(t.dataDir, 'logs'), { recursive: true });
    fs.writeFileSync(
      path.join(t.dataDir, 'logs', 'kiosk.log'),
      [
        JSON.stringify({ level: 'warn', event: 'sync.failed', detail: 'id 150203199001011234 refused' }),
        'free text line that is not ours',
        JSON.stringify({ level: 'info', event: 'print.done' }),
      ].join('\n'),
    );
    await unlock();
    const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'usb-'));
    expect(await t.call('technician.export_logs', { folder: 'relative/path' })).toEqual({
      ok: false,
      reason: 'not_absolute',
    });
    expect(await t.call('technician.export_logs', { folder: path.join(usb, 'missing') })).toEqual({
      ok: false,
      reason: 'not_a_folder',
    });
    const exported = await t.call('technician.export_logs', { folder: usb });
    expect(exported).toMatchObject({ ok: true, files: ['diagnostics.json', 'audit.jsonl', 'kiosk.log'] });
    const all = exported.files
      .map((name: string) => fs.readFileSync(path.join(exported.folder, name), 'utf8'))
      .join('\n');
    expect(all).not.toContain('150203199001011234');
    expect(all).not.toContain(HUB_TOKEN);
    expect(all).not.toContain('scrypt$');
    expect(all).not.toContain('free text line');
    expect(all).toContain('print.done');
    expect(all).toContain('technician.unlock');
    expect(await t.call('technician.restart')).toEqual({ ok: true });
    expect(t.devices.restarts).toBe(1);
  });
});
