import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKioskCore, type KioskCore } from '../../../core/kiosk_core';
import { createMemoryLogger } from '../../../node_shared/logger';

const SAMPLE_CONFIG = path.resolve(import.meta.dirname, '../../../assets/config.sample.json');
let dir: string;
let core: KioskCore;
let logger: ReturnType<typeof createMemoryLogger>;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-dispatch-'));
  logger = createMemoryLogger();
  core = createKioskCore({ dataDir: dir, configPath: SAMPLE_CONFIG, appVersion: '9.9.9', logger });
});

afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function auditCount(): number {
  return (core.deps.db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
}

describe('RPC dispatcher', () => {
  it('answers a valid call with a value that matches the contract', async () => {
    const response = await core.dispatch('system.health', {});
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    expect(response.value).toMatchObject({ appVersion: '9.9.9', provisioned: true });
  });

  it('refuses unknown methods, including names on the object prototype', async () => {
    for (const method of ['nope', 'toString', '__proto__', 'constructor', 42, null, '']) {
      const response = await core.dispatch(method, {});
      expect(response).toEqual({ ok: false, error: expect.objectContaining({ code: 'unknown_method' }) });
    }
  });

  it('refuses missing, extra and ill-typed arguments and names the field, writing nothing', async () => {
    const cases: unknown[] = [
      { action: 42 },
      {},
      { action: 'screen.open', extra: true },
      { action: 'screen.open', subject: 'x'.repeat(1024 * 1024) },
      { action: '$(touch /tmp/pwned)' },
      { action: "screen.open'; DROP TABLE audit; --" },
      { action: 'screen.open\nforged line' },
      'not an object',
      [1, 2, 3],
    ];
    for (const args of cases) {
      const response = await core.dispatch('audit.record', args);
      expect(response.ok, JSON.stringify(args).slice(0, 80)).toBe(false);
      if (response.ok) continue;
      expect(response.error.code).toBe('invalid_args');
      expect(response.error.message).not.toContain('x'.repeat(100));
    }
    const missing = await core.dispatch('audit.record', {});
    expect(!missing.ok && missing.error.issues?.[0]?.path).toBe('action');
    expect(auditCount()).toBe(0);
  });

  it('refuses prototype-pollution keys anywhere in the arguments', async () => {
    const args = JSON.parse('{"action":"screen.open","__proto__":{"polluted":true}}');
    const response = await core.dispatch('audit.record', args);
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(auditCount()).toBe(0);
  });

  it('records a valid audit action with identifiers only', async () => {
    const response = await core.dispatch('audit.record', { action: 'screen.open', subject: 'home' });
    expect(response.ok).toBe(true);
    expect(core.deps.audit.latest(1)[0]).toMatchObject({
      actor: 'visitor',
      action: 'screen.open',
      subject: 'home',
    });
  });

  it('turns a crashing handler into an internal error without details and keeps running', async () => {
    core.deps.db.exec('DROP TABLE audit');
    const response = await core.dispatch('audit.record', { action: 'screen.open' });
    expect(response).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The kiosk could not complete this request.' },
    });
    expect(logger.lines.some((line) => line.includes('rpc.handler_failed'))).toBe(true);
    expect((await core.dispatch('system.health', {})).ok).toBe(true);
  });
});
