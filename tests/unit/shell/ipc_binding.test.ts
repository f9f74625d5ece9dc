import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpcResponse } from '../../../common/contract';
import { createKioskCore, type KioskCore } from '../../../core/kiosk_core';
import { bindIpc } from '../../../electron/main/ipc_binding';
import { createKioskBridge } from '../../../electron/preload/kiosk_bridge';
import { createMemoryLogger } from '../../../node_shared/logger';
import type { KioskBridge } from '../../../renderer/rpc/transport';
import { fakeIpc } from './support/fake_ipc';

let core: KioskCore;
let frame: { current: string };
let ipc: ReturnType<typeof fakeIpc>;
let bridge: KioskBridge;
let unbind: () => void;

/** Rows a call could write: drafts and their audit entries. */
const auditRows = () =>
  (
    core.deps.db
      .prepare('SELECT (SELECT COUNT(*) FROM audit) + (SELECT COUNT(*) FROM drafts) AS n')
      .get() as {
      n: number;
    }
  ).n;

function expectError(response: RpcResponse, code: string) {
  expect(response.ok).toBe(false);
  if (!response.ok) {
    expect(response.error.code).toBe(code);
    expect(response.error.message.length).toBeGreaterThan(0);
  }
}

beforeEach(() => {
  process.env.KIOSK_SPEECH_PRERENDER = '0';
  core = createKioskCore({
    dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-ipc-')),
    configPath: path.resolve(import.meta.dirname, '../../../assets/config.sample.json'),
    appVersion: '1.2.3',
    logger: createMemoryLogger(),
  });
  frame = { current: 'app://kiosk/index.html' };
  ipc = fakeIpc(frame);
  unbind = bindIpc({
    ipcMain: ipc.ipcMain,
    dispatch: core.dispatch,
    events: core.events,
    target: ipc.webContents,
    logger: createMemoryLogger(),
  });
  bridge = createKioskBridge(ipc.ipcRenderer);
});

afterEach(() => {
  unbind();
  core.close();
});

describe('IPC transport', () => {
  it('round-trips a call through the real dispatcher and core', async () => {
    const health = await bridge.invoke('system.health', {});
    expect(health).toMatchObject({ ok: true, value: { appVersion: '1.2.3', provisioned: true } });

    const before = auditRows();
    const started = await bridge.invoke('forms.start_draft', { templateId: 'legal_aid_application' });
    expect(started).toMatchObject({ ok: true, value: { ok: true, draft: { draftId: expect.any(String) } } });
    expect(auditRows()).toBe(before + 2);
  });

  it('refuses unknown methods and bad arguments with the typed envelope, storing nothing', async () => {
    const before = auditRows();
    expectError(await bridge.invoke('system.format_disk', {}), 'unknown_method');
    expectError(await bridge.invoke('__proto__', {}), 'unknown_method');
    expectError(await bridge.invoke(42 as unknown as string, {}), 'invalid_args');
    expectError(await bridge.invoke('m'.repeat(1_000_000), {}), 'invalid_args');

    const wrongType = await bridge.invoke('forms.start_draft', { templateId: 123 });
    expectError(wrongType, 'invalid_args');
    if (!wrongType.ok) expect(wrongType.error.issues?.[0]?.path).toBe('templateId');
    expectError(
      await bridge.invoke('forms.start_draft', { templateId: 'legal_aid_application', extra: true }),
      'invalid_args',
    );
    expectError(await bridge.invoke('forms.start_draft', {}), 'invalid_args');
    expectError(await bridge.invoke('forms.start_draft', 'legal_aid_application'), 'invalid_args');
    expectError(
      await bridge.invoke('forms.start_draft', { templateId: "x'; DROP TABLE audit; --$(rm -rf /)\n" }),
      'invalid_args',
    );
    expect(auditRows()).toBe(before);
  });

  it('refuses a 1 MB string before it reaches the core', async () => {
    const before = auditRows();
    expectError(await bridge.invoke('forms.start_draft', { templateId: 'a'.repeat(1 << 20) }), 'too_large');
    expect(auditRows()).toBe(before);
  });

  it('refuses prototype-pollution keys and leaves Object.prototype alone', async () => {
    const before = auditRows();
    const polluted = JSON.parse('{"templateId":"legal_aid_application","__proto__":{"polluted":true}}');
    expectError(await bridge.invoke('forms.start_draft', polluted), 'invalid_args');
    const nested = JSON.parse(
      '{"templateId":"legal_aid_application","x":{"constructor":{"prototype":{"x":1}}}}',
    );
    expectError(await bridge.invoke('forms.start_draft', nested), 'invalid_args');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(auditRows()).toBe(before);
  });

  it('turns arguments IPC cannot carry as JSON data into invalid_args', async () => {
    expectError(
      await bridge.invoke('forms.start_draft', { templateId: () => 'legal_aid_application' }),
      'invalid_args',
    );
    expectError(await bridge.invoke('forms.start_draft', { templateId: 10n }), 'invalid_args');
    expectError(await bridge.invoke('forms.start_draft', { templateId: new Date(0) }), 'invalid_args');
  });

  it.each([
    'https://evil.example/',
    'app://kiosk.evil/',
    'app://evil@kiosk.example/',
    'file:///opt/kiosk/index.html',
    'about:blank',
    'data:text/html,x',
  ])('refuses calls from a foreign frame (%s)', async (url) => {
    frame.current = url;
    const before = auditRows();
    expectError(
      await bridge.invoke('forms.start_draft', { templateId: 'legal_aid_application' }),
      'unauthorized',
    );
    expectError(await bridge.invoke('system.health', {}), 'unauthorized');
    expect(auditRows()).toBe(before);
  });

  it('refuses a call whose sender frame is gone', async () => {
    const handler = ipc.handlers.get('kiosk:invoke')!;
    expectError((await handler({ senderFrame: null }, 'system.health', {})) as RpcResponse, 'unauthorized');
  });

  it('delivers core events to subscribers until they unsubscribe', () => {
    const received: unknown[] = [];
    const other: unknown[] = [];
    const unsubscribe = bridge.subscribe('system.heartbeat', (payload) => received.push(payload));
    bridge.subscribe('some.other_event', (payload) => other.push(payload));
    core.events.emit('system.heartbeat', { at: '2026-01-01T00:00:00.000Z' });
    expect(received).toEqual([{ at: '2026-01-01T00:00:00.000Z' }]);
    expect(other).toEqual([]);

    unsubscribe();
    unsubscribe();
    core.events.emit('system.heartbeat', { at: '2026-01-01T00:01:00.000Z' });
    expect(received).toHaveLength(1);
  });

  it('detaches from IPC once the last subscriber leaves, and lets one function subscribe twice', () => {
    const received: unknown[] = [];
    const listener = (payload: unknown) => received.push(payload);
    const first = bridge.subscribe('system.heartbeat', listener);
    const second = bridge.subscribe('system.heartbeat', listener);
    core.events.emit('system.heartbeat', { at: 'a' });
    expect(received).toHaveLength(2);
    first();
    core.events.emit('system.heartbeat', { at: 'b' });
    expect(received).toHaveLength(3);
    second();
    expect(ipc.listenerCount()).toBe(0);
  });

  it('sends no events while the window shows anything but the app', () => {
    const received: unknown[] = [];
    bridge.subscribe('system.heartbeat', (payload) => received.push(payload));
    frame.current = 'https://evil.example/';
    core.events.emit('system.heartbeat', { at: 'x' });
    expect(received).toEqual([]);
  });

  it('unbinding removes the handler; the bridge then reports the core unreachable', async () => {
    unbind();
    expectError(await bridge.invoke('system.health', {}), 'internal');
    unbind = () => {};
  });
});
