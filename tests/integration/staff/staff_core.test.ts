import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyPin } from '../../../core/pins/pin_hash';
import { LEGAL_AID_ANSWERS } from '../forms/support';
import { STAFF_PIN, STAFF_PIN_HASH, type StaffCore, startStaffCore } from './staff_support';

let t: StaffCore;
afterEach(() => t?.close());

const NAME = LEGAL_AID_ANSWERS.find(([id]) => id === 'full_name')![1] as string;
const ID_NO = LEGAL_AID_ANSWERS.find(([id]) => id === 'resident_id')![1] as string;
const uuidLike = '6f1c1d6e-1111-4a4a-8b8b-123456789abc';

async function unlock() {
  expect(await t.call('staff.unlock', { pin: STAFF_PIN })).toEqual({ ok: true, reason: 'unlocked' });
}

describe('staff PIN', () => {
  it('keeps only an scrypt hash that verifies the right PIN and not a wrong one', async () => {
    t = startStaffCore();
    const file = fs.readFileSync(t.configPath, 'utf8');
    expect(file).not.toContain(STAFF_PIN);
    expect(STAFF_PIN_HASH).toMatch(/^scrypt\$/);
    expect(await verifyPin(STAFF_PIN, STAFF_PIN_HASH)).toBe(true);
    expect(await verifyPin('482914', STAFF_PIN_HASH)).toBe(false);
  });

  it('refuses every staff method with "locked" until the PIN is right, and again after lock', async () => {
    t = startStaffCore();
    const uuid = await t.visitorSubmits();
    const guarded = [
      t.call('staff.list_submissions', { days: 7 }),
      t.call('staff.open_submission', { uuid }),
      t.call('staff.print', { uuid, document: 'application' }),
      t.call('staff.mark_handled', { uuid }),
      t.call('staff.send_now', {}),
      t.call('staff.counts', { days: 7 }),
      t.call('staff.find_draft', { code: '12345678' }),
      t.call('staff.assist_draft', { draftId: uuidLike }),
    ];
    for (const result of await Promise.all(guarded)) expect(result).toEqual({ ok: false, reason: 'locked' });
    expect(t.printer.printed).toHaveLength(0);
    expect(await t.call('staff.unlock', { pin: '000000' })).toEqual({
      ok: false,
      reason: 'wrong_pin',
      triesLeft: 4,
    });
    expect(await t.call('staff.status', {})).toEqual({ unlocked: false, configured: true });
    await unlock();
    expect(await t.call('staff.list_submissions', { days: 7 })).toMatchObject({ ok: true });
    await t.call('staff.lock', {});
    expect(await t.call('staff.list_submissions', { days: 7 })).toEqual({ ok: false, reason: 'locked' });
  });

  it('locks out 15 s after 5 wrong PINs, doubling; even the right PIN waits; then it opens', async () => {
    t = startStaffCore();
    for (let i = 4; i >= 1; i--)
      expect(await t.call('staff.unlock', { pin: '111111' })).toEqual({
        ok: false,
        reason: 'wrong_pin',
        triesLeft: i,
      });
    expect(await t.call('staff.unlock', { pin: '111111' })).toEqual({
      ok: false,
      reason: 'locked_out',
      retryAfterSeconds: 15,
    });
    t.clock.now += 10_000;
    expect(await t.call('staff.unlock', { pin: STAFF_PIN })).toEqual({
      ok: false,
      reason: 'locked_out',
      retryAfterSeconds: 5,
    });
    t.clock.now += 5_000;
    expect(await t.call('staff.unlock', { pin: '222222' })).toEqual({
      ok: false,
      reason: 'locked_out',
      retryAfterSeconds: 30,
    });
    t.clock.now += 30_000;
    await unlock();
    // A right PIN resets the count: the next wrong one has all tries again.
    await t.call('staff.lock', {});
    expect(await t.call('staff.unlock', { pin: '111111' })).toEqual({
      ok: false,
      reason: 'wrong_pin',
      triesLeft: 4,
    });
  });

  it('locks itself after 10 minutes without a staff action; each action keeps it open', async () => {
    t = startStaffCore();
    await unlock();
    t.clock.now += 9 * 60_000;
    expect(await t.call('staff.counts', { days: 1 })).toMatchObject({ ok: true });
    t.clock.now += 9 * 60_000;
    expect(await t.call('staff.status', {})).toEqual({ unlocked: true, configured: true });
    t.clock.now += 60_000;
    expect(await t.call('staff.status', {})).toEqual({ unlocked: false, configured: true });
    expect(await t.call('staff.counts', { days: 1 })).toEqual({ ok: false, reason: 'locked' });
  });

  it('is closed on a terminal provisioned without a staff PIN', async () => {
    t = startStaffCore({ staff: undefined });
    expect(await t.call('staff.unlock', { pin: STAFF_PIN })).toEqual({ ok: false, reason: 'not_configured' });
    expect(await t.call('staff.status', {})).toEqual({ unlocked: false, configured: false });
  });
});

describe('staff view of this terminal', () => {
  it('lists a filed application with state and priority, shows its answers, reprints it, marks it handled', async () => {
    t = startStaffCore();
    const uuid = await t.visitorSubmits();
    await unlock();
    const list = await t.call('staff.list_submissions', { days: 7 });
    if (!list.ok) throw new Error('locked');
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      uuid,
      state: 'waiting',
      priority: true,
      handledAt: null,
      hasAnswers: true,
    });
    expect(list.items[0]!.title['zh-CN']).toContain('法律援助');
    expect(JSON.stringify(list)).not.toContain(NAME);

    const opened = await t.call('staff.open_submission', { uuid, language: 'zh-CN' });
    if (!opened.ok) throw new Error('not opened');
    expect(opened.answers.find((a) => a.stepId === 'full_name')?.text).toBe(NAME);

    expect(await t.call('staff.print', { uuid, document: 'application', language: 'zh-CN' })).toMatchObject({
      ok: true,
    });
    expect(await t.call('staff.print', { uuid, document: 'receipt', language: 'zh-CN' })).toMatchObject({
      ok: true,
    });
    expect(t.printer.printed.map((d) => d.kind)).toEqual(['application', 'receipt']);
    expect(t.printer.printed[0]!.html).toContain(NAME);

    t.clock.now += 60_000;
    const handled = await t.call('staff.mark_handled', { uuid });
    expect(handled).toEqual({ ok: true, handledAt: new Date(t.clock.now).toISOString() });
    const after = await t.call('staff.list_submissions', { days: 7 });
    expect(after.ok && after.items[0]!.handledAt).toBe(new Date(t.clock.now).toISOString());
    expect(await t.call('staff.mark_handled', { uuid: uuidLike })).toEqual({
      ok: false,
      reason: 'not_found',
    });

    // Audit: who, what, which uuid — never the answers.
    const audit = t.core.deps.audit.latest(50);
    const actions = audit.map((e) => `${e.actor} ${e.action} ${e.subject}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'desk-wang@sample-kiosk-01 staff.unlock ',
        `desk-wang@sample-kiosk-01 staff.view ${uuid}`,
        `desk-wang@sample-kiosk-01 staff.print_application ${uuid}`,
        `desk-wang@sample-kiosk-01 staff.mark_handled ${uuid}`,
      ]),
    );
    const dump = JSON.stringify(audit);
    expect(dump).not.toContain(NAME);
    expect(dump).not.toContain(ID_NO);
    expect(dump).not.toContain(STAFF_PIN);
  });

  it('counts per local day and form, and leaves older days out of the list', async () => {
    t = startStaffCore();
    await t.visitorSubmits();
    t.clock.now += 24 * 3600_000;
    await t.visitorSubmits();
    await t.visitorSubmits();
    await unlock();
    const counts = await t.call('staff.counts', { days: 7 });
    if (!counts.ok) throw new Error('locked');
    expect(counts.days.map((d) => d.services.map((s) => `${s.templateId}:${s.count}`))).toEqual([
      ['legal_aid_application:2'],
      ['legal_aid_application:1'],
    ]);
    const today = await t.call('staff.list_submissions', { days: 1 });
    expect(today.ok && today.items).toHaveLength(2);
  });

  it('finds a kept draft by its code and records the application as assisted when staff finish it', async () => {
    t = startStaffCore();
    const started = await t.call('forms.start_draft', { templateId: 'legal_aid_application' });
    if (!started.ok) throw new Error('start');
    const { draftId } = started.draft;
    for (const [stepId, value] of LEGAL_AID_ANSWERS.slice(0, 5))
      await t.call('forms.save_answer', { draftId, stepId, value });
    const kept = await t.call('forms.keep_draft', { draftId });
    if (!kept.ok) throw new Error('keep');
    await unlock();
    expect(await t.call('staff.find_draft', { code: '0000 0000' })).toEqual({
      ok: false,
      reason: 'not_found',
    });
    const found = await t.call('staff.find_draft', {
      code: `${kept.code.slice(0, 4)} ${kept.code.slice(4)}`,
    });
    expect(found).toMatchObject({ ok: true, draftId, templateId: 'legal_aid_application', answered: 5 });
    expect(await t.call('staff.assist_draft', { draftId })).toEqual({ ok: true });
    for (const [stepId, value] of LEGAL_AID_ANSWERS.slice(5))
      await t.call('forms.save_answer', { draftId, stepId, value });
    const submitted = await t.call('forms.submit', { draftId });
    if (!submitted.ok) throw new Error('submit');
    const list = await t.call('staff.list_submissions', { days: 1 });
    expect(list.ok && list.items[0]).toMatchObject({ uuid: submitted.uuid, assisted: true });
    expect(t.core.deps.db.prepare('SELECT payload FROM submissions').get()).toMatchObject({
      payload: expect.stringContaining('"assisted":true'),
    });
  });

  it('refuses hostile arguments with a clear error and changes nothing', async () => {
    t = startStaffCore();
    const uuid = await t.visitorSubmits();
    await unlock();
    for (const [method, args] of [
      ['staff.unlock', { pin: '12345' }],
      ['staff.unlock', { pin: '$(reboot)' }],
      ['staff.unlock', { pin: 482913 }],
      ['staff.mark_handled', { uuid: "x' OR 1=1 --" }],
      ['staff.mark_handled', { uuid, extra: 1 }],
      ['staff.mark_handled', JSON.parse(`{"uuid":"${uuid}","__proto__":{"admin":true}}`)],
      ['staff.find_draft', { code: 'x'.repeat(1_000_000) }],
      ['staff.print', { uuid, document: 'everything' }],
    ] as const) {
      const response = await t.raw(method, args);
      expect(response.ok, method).toBe(false);
    }
    const list = await t.call('staff.list_submissions', { days: 7 });
    expect(list.ok && list.items[0]!.handledAt).toBeNull();
    expect(t.printer.printed).toHaveLength(0);
  });
});
