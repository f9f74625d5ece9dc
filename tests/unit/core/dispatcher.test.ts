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

/** Rows a call could write: drafts and their audit entries. */
function auditCount(): number {
  return (
    core.deps.db
      .prepare('SELECT (SELECT count(*) FROM audit) + (SELECT count(*) FROM drafts) AS n')
      .get() as {
      n: number;
    }
  ).n;
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
      { templateId: 42 },
      {},
      { templateId: 'legal_aid_application', extra: true },
      { templateId: 'x'.repeat(1024 * 1024) },
      { templateId: '$(touch /tmp/pwned)' },
      { templateId: "legal_aid_application'; DROP TABLE drafts; --" },
      { templateId: 'legal_aid_application\nforged line' },
      'not an object',
      [1, 2, 3],
    ];
    for (const args of cases) {
      const response = await core.dispatch('forms.start_draft', args);
      expect(response.ok, JSON.stringify(args).slice(0, 80)).toBe(false);
      if (response.ok) continue;
      expect(response.error.code).toBe('invalid_args');
      expect(response.error.message).not.toContain('x'.repeat(100));
    }
    const missing = await core.dispatch('forms.start_draft', {});
    expect(!missing.ok && missing.error.issues?.[0]?.path).toBe('templateId');
    expect(auditCount()).toBe(0);
  });

  it('refuses prototype-pollution keys anywhere in the arguments', async () => {
    const args = JSON.parse('{"templateId":"legal_aid_application","__proto__":{"polluted":true}}');
    const response = await core.dispatch('forms.start_draft', args);
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(auditCount()).toBe(0);
  });

  it('lets the page write no audit entry of its own: there is no such method', async () => {
    const response = await core.dispatch('audit.record', { action: 'screen.open', subject: 'home' });
    expect(response).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(auditCount()).toBe(0);
  });

  it('turns a crashing handler into an internal error without details and keeps running', async () => {
    core.deps.db.exec('DROP TABLE audit');
    const response = await core.dispatch('forms.start_draft', { templateId: 'legal_aid_application' });
    expect(response).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The kiosk could not complete this request.' },
    });
    expect(logger.lines.some((line) => line.includes('rpc.handler_failed'))).toBe(true);
    expect((await core.dispatch('system.health', {})).ok).toBe(true);
  });
});
