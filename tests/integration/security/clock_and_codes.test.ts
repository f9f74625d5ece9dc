import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodArgs, MethodName, MethodResult } from '../../../common/contract';
import { createKioskCore, type KioskCore } from '../../../core/kiosk_core';
import { createMemoryLogger } from '../../../node_shared/logger';
import { REPO } from '../forms/support';
import { STAFF_PIN, STAFF_PIN_HASH } from '../staff/staff_support';

const YEAR_MS = 365 * 86_400_000;

/** A core whose wall clock and monotonic clock a test moves separately, restartable on the same data. */
function harness() {
  process.env.KIOSK_SPEECH_PRERENDER = '0';
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-clock-'));
  const sample = JSON.parse(fs.readFileSync(path.join(REPO, 'assets', 'config.sample.json'), 'utf8'));
  const configPath = path.join(root, 'kiosk.json');
  fs.writeFileSync(configPath, JSON.stringify({ ...sample, staff: { id: 'desk', pinHash: STAFF_PIN_HASH } }));
  const time = { wall: Date.parse('2026-11-28T02:00:00Z'), mono: 5_000 };
  let core: KioskCore | null = null;
  const start = () => {
    core?.close();
    core = createKioskCore({
      dataDir: path.join(root, 'data'),
      configPath,
      appVersion: '1.0.0',
      logger: createMemoryLogger(),
      now: () => new Date(time.wall),
      monotonicMs: () => time.mono,
    });
    return core;
  };
  const call = async <M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>> => {
    const response = await core!.dispatch(method, args);
    if (!response.ok) throw new Error(`${method}: ${response.error.code}`);
    return response.value as MethodResult<M>;
  };
  return {
    time,
    start,
    call,
    core: () => core!,
    close: () => {
      core?.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

let h: ReturnType<typeof harness>;
afterEach(() => h?.close());

describe('a PIN lockout and a clock correction', () => {
  it('stays 15 s when the wall clock jumps 10 years, also across a restart', async () => {
    h = harness();
    h.start();
    for (let i = 0; i < 5; i++) await h.call('staff.unlock', { pin: '000000' });
    expect(await h.call('staff.unlock', { pin: STAFF_PIN })).toMatchObject({ reason: 'locked_out' });
    // The lockout began while the clock was 10 years ahead; the OS now corrects it.
    h.time.wall -= 10 * YEAR_MS;
    const refused = await h.call('staff.unlock', { pin: STAFF_PIN });
    expect(refused).toMatchObject({ ok: false, reason: 'locked_out' });
    expect(
      refused.ok === false && refused.reason === 'locked_out' && refused.retryAfterSeconds,
    ).toBeLessThanOrEqual(15);
    h.start();
    const afterRestart = await h.call('staff.unlock', { pin: STAFF_PIN });
    expect(
      afterRestart.ok === false && afterRestart.reason === 'locked_out' && afterRestart.retryAfterSeconds,
    ).toBeLessThanOrEqual(15);
    h.time.mono += 15_000;
    expect(await h.call('staff.unlock', { pin: STAFF_PIN })).toEqual({ ok: true, reason: 'unlocked' });
  });
});

describe('guessing retrieval codes', () => {
  it('gets 12-digit codes, a persisted allowance of wrong guesses, and never locks the rightful visitor out', async () => {
    h = harness();
    h.start();
    const started = await h.call('forms.start_draft', { templateId: 'legal_aid_application' });
    if (!started.ok) throw new Error('start failed');
    const { draftId } = started.draft;
    const kept = await h.call('forms.keep_draft', { draftId });
    if (!kept.ok) throw new Error('keep failed');
    expect(kept.code).toMatch(/^\d{12}$/);
    await h.call('forms.end_session', {});

    const guess = (code: string) => h.call('forms.resume_draft', { code });
    const wrong = (i: number) => String(100000000000 + i);
    for (let i = 0; i < 10; i++) expect(await guess(wrong(i))).toEqual({ ok: false, reason: 'not_found' });
    // The 11th wrong code within the minute is not even looked up.
    expect(await guess(wrong(999))).toEqual({ ok: false, reason: 'too_many_attempts' });
    // A restart does not hand out a fresh allowance.
    h.start();
    expect(await guess(wrong(1000))).toEqual({ ok: false, reason: 'too_many_attempts' });
    // The rightful visitor, right after someone else's guessing, waits at most a minute.
    h.time.mono += 60_000;
    expect(await guess(kept.code)).toMatchObject({ ok: true, draft: { draftId } });
  });
});
