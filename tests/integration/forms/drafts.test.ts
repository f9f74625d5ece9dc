import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../common/forms/canonical_json';
import { sha256Hex } from '../../../core/forms/submissions';
import { openKioskDataDb } from '../../support/kiosk_database';
import { fillLegalAid, LEGAL_AID_ANSWERS, startTestCore, type TestCore } from './support';

let core: TestCore;
afterEach(() => core?.close());

async function newDraft(templateId = 'legal_aid_application'): Promise<string> {
  const started = await core.call('forms.start_draft', { templateId });
  if (!started.ok) throw new Error('start failed');
  return started.draft.draftId;
}

async function answers(draftId: string) {
  const draft = await core.call('forms.get_draft', { draftId });
  if (!draft.ok) throw new Error('no draft');
  return draft.draft;
}

describe('drafts on a real SQLite file', () => {
  it('lists the bundled templates and starts a draft on the latest version', async () => {
    core = startTestCore();
    const { templates } = await core.call('forms.list_templates', {});
    expect(templates.map((t) => t.id).sort()).toEqual([
      'callback_request',
      'home_visit_booking',
      'legal_aid_application',
      'legal_consultation_request',
      'mediation_request',
      'notarization_request',
      'satisfaction_feedback',
    ]);
    const started = await core.call('forms.start_draft', { templateId: 'legal_aid_application' });
    expect(started).toMatchObject({
      ok: true,
      draft: { template: { id: 'legal_aid_application', version: '1.3.0' }, currentStep: 'filer_role' },
    });
    expect(await core.call('forms.start_draft', { templateId: 'no_such_form' })).toEqual({
      ok: false,
      reason: 'template_not_found',
    });
  });

  it('saves every answer at once; the art. 42 group skips the hardship questions; priority is set', async () => {
    core = startTestCore();
    const draftId = await fillLegalAid(core);
    const draft = await answers(draftId);
    expect(Object.keys(draft.answers).sort()).toEqual(LEGAL_AID_ANSWERS.map(([id]) => id).sort());
    expect(draft.visibleSteps).not.toContain('household_income');
    expect(draft.priority).toBe(true);
    // Read back straight from the file: the row holds exactly these answers.
    const db = openKioskDataDb(core.dataDir, { readonly: true });
    const row = db.prepare('SELECT answers, current_step FROM drafts WHERE id = ?').get(draftId) as {
      answers: string;
      current_step: string;
    };
    db.close();
    expect(JSON.parse(row.answers).resident_id).toBe('150203199003070025');
    expect(row.current_step).toBe('signature');
  });

  it('asks the hardship questions when no art. 42 group applies, and drops them when one does', async () => {
    core = startTestCore();
    const draftId = await fillLegalAid(core);
    const none = await core.call('forms.save_answer', { draftId, stepId: 'art42_group', value: ['none'] });
    expect(none.ok && none.draft.visibleSteps).toEqual(
      expect.arrayContaining(['household_size', 'household_income', 'hardship_statement']),
    );
    await core.call('forms.save_answer', { draftId, stepId: 'household_size', value: 3 });
    await core.call('forms.save_answer', { draftId, stepId: 'art42_group', value: ['social_assistance'] });
    expect((await answers(draftId)).answers.household_size).toBeUndefined();
    expect(await core.call('forms.save_answer', { draftId, stepId: 'household_size', value: 3 })).toEqual({
      ok: false,
      reason: 'step_hidden',
    });
  });

  it('refuses hostile input with a clear error and keeps the stored draft intact', async () => {
    core = startTestCore();
    const draftId = await fillLegalAid(core);
    const before = await answers(draftId);
    const refusedByField: [string, unknown, string][] = [
      ['full_name', 'A\u0000B', 'errors.text.control_characters'],
      ['full_name', '张示例😀', 'errors.pattern.person_name'],
      ['full_name', "x'; DROP TABLE drafts;--", 'errors.pattern.person_name'],
      ['resident_id', '150203199003070026', 'errors.resident_id.check_digit'],
      ['birth_date', '1990-02-31', 'errors.date.not_a_day'],
      ['phone', '$(reboot)', 'errors.phone.any'],
      ['matter_description', 'x'.repeat(5000), 'errors.text.too_long'],
      ['has_disability_cert', 'true', 'errors.wrong_type'],
    ];
    for (const [stepId, value, key] of refusedByField) {
      const result = await core.call('forms.save_answer', { draftId, stepId, value: value as string });
      expect(result, stepId).toMatchObject({ ok: false, reason: 'invalid', error: { key } });
    }
    // Refused by the contract before any handler runs.
    const megabyte = await core.raw('forms.save_answer', {
      draftId,
      stepId: 'matter_description',
      value: 'x'.repeat(1024 * 1024),
    });
    expect(megabyte).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    const pollution = await core.raw(
      'forms.save_answer',
      JSON.parse(`{"draftId":"${draftId}","stepId":"full_name","value":"a","__proto__":{"x":1}}`),
    );
    expect(pollution).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    const objectValue = await core.raw('forms.save_answer', {
      draftId,
      stepId: 'full_name',
      value: { a: 1 },
    });
    expect(objectValue).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    const badStep = await core.raw('forms.save_answer', {
      draftId,
      stepId: 'full_name; DROP TABLE drafts',
      value: 'a',
    });
    expect(badStep).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(await answers(draftId)).toEqual(before);

    // Markup and SQL in free text are stored as plain text (printing escapes them).
    const markup = "<script>alert(1)</script>'); DROP TABLE drafts;--";
    expect(
      await core.call('forms.save_answer', { draftId, stepId: 'other_party', value: markup }),
    ).toMatchObject({ ok: true });
    expect((await answers(draftId)).answers.other_party).toBe(markup);
  });

  it('a page that reloads finds the draft its visitor was filling in, at its step; none after the session', async () => {
    core = startTestCore();
    // a fresh core: nothing open, the page stays at home
    expect(await core.call('forms.open_draft', {})).toEqual({ ok: false, reason: 'none' });
    await newDraft('satisfaction_feedback');
    const open = await newDraft();
    await core.call('forms.save_answer', { draftId: open, stepId: 'filer_role', value: 'self' });
    await core.call('forms.set_current_step', { draftId: open, stepId: 'full_name' });
    const found = await core.call('forms.open_draft', {});
    expect(found).toMatchObject({ ok: true, draft: { draftId: open, currentStep: 'full_name' } });
    expect(found.ok && found.draft.answers).toEqual({ filer_role: 'self' });
    // submitted: nothing open any more
    const filled = await fillLegalAid(core);
    expect((await core.call('forms.submit', { draftId: filled })).ok).toBe(true);
    expect(await core.call('forms.open_draft', {})).toEqual({ ok: false, reason: 'none' });
    // the session ended (idle or "finish"): nothing for the next visitor, whatever was open
    await newDraft();
    await core.call('forms.end_session', {});
    expect(await core.call('forms.open_draft', {})).toEqual({ ok: false, reason: 'none' });
  });

  it('keeps a draft under a retrieval code, wipes the others at session end, resumes by code', async () => {
    core = startTestCore();
    const kept = await newDraft();
    const dropped = await newDraft('satisfaction_feedback');
    await core.call('forms.save_answer', { draftId: kept, stepId: 'full_name', value: '张示例' });
    const keep = await core.call('forms.keep_draft', { draftId: kept });
    if (!keep.ok) throw new Error('keep failed');
    expect(keep.code).toMatch(/^\d{12}$/);
    expect(await core.call('forms.keep_draft', { draftId: kept })).toEqual(keep);

    expect(await core.call('forms.end_session', {})).toEqual({ wiped: 1 });
    expect(await core.call('forms.get_draft', { draftId: dropped })).toEqual({
      ok: false,
      reason: 'draft_not_found',
    });

    const spaced = keep.code.replace(/(\d{4})(?=\d)/g, '$1 ');
    const resumed = await core.call('forms.resume_draft', { code: spaced });
    expect(resumed).toMatchObject({
      ok: true,
      draft: { draftId: kept, answers: { full_name: '张示例' }, retrievalCode: keep.code },
    });
  });

  it('rate-limits wrong retrieval codes', async () => {
    core = startTestCore();
    const draftId = await newDraft();
    const keep = await core.call('forms.keep_draft', { draftId });
    if (!keep.ok) throw new Error('keep failed');
    const wrong = keep.code === '000000000000' ? '000000000001' : '000000000000';
    // A persisted allowance of 10 wrong codes, then one more a minute (see attempt_budget.ts).
    for (let i = 0; i < 10; i++)
      expect(await core.call('forms.resume_draft', { code: wrong })).toEqual({
        ok: false,
        reason: 'not_found',
      });
    expect(await core.call('forms.resume_draft', { code: keep.code })).toEqual({
      ok: false,
      reason: 'too_many_attempts',
    });
    expect(await core.raw('forms.resume_draft', { code: '1234' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    });
  });

  it('discards a draft on request', async () => {
    core = startTestCore();
    const draftId = await newDraft();
    expect(await core.call('forms.discard_draft', { draftId })).toEqual({ ok: true });
    expect(await core.call('forms.get_draft', { draftId })).toEqual({ ok: false, reason: 'draft_not_found' });
  });
});

describe('submit', () => {
  it('names the steps still missing and submits nothing', async () => {
    core = startTestCore();
    const draftId = await newDraft();
    await core.call('forms.save_answer', { draftId, stepId: 'filer_role', value: 'self' });
    await core.call('forms.save_answer', { draftId, stepId: 'full_name', value: '张示例' });
    const result = await core.call('forms.submit', { draftId });
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'invalid') return;
    expect(result.errors.map((e) => e.stepId)).toEqual(
      expect.arrayContaining(['sex', 'birth_date', 'resident_id', 'honesty_commitment', 'preferred_lawyer']),
    );
    expect(result.errors.map((e) => e.stepId)).not.toContain('disability_cert_no');
    expect(result.errors[0]).toEqual({ stepId: 'sex', error: { key: 'errors.required', params: {} } });
  });

  it('re-validates consistency across answers changed after the fact', async () => {
    core = startTestCore();
    const draftId = await fillLegalAid(core);
    await core.call('forms.save_answer', { draftId, stepId: 'sex', value: 'male' });
    expect(await core.call('forms.submit', { draftId })).toMatchObject({
      ok: false,
      errors: [{ stepId: 'resident_id', error: { key: 'errors.resident_id.sex_mismatch' } }],
    });
  });

  it('writes the immutable submission and its pending outbox row in one transaction and deletes the draft', async () => {
    core = startTestCore({ now: () => new Date('2026-11-28T04:00:00Z') });
    const draftId = await fillLegalAid(core);
    const result = await core.call('forms.submit', { draftId });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.receiptNo).toBe('BT-SK01-261128-001');
    expect(result.priority).toBe(true);
    expect(await core.call('forms.get_draft', { draftId })).toEqual({ ok: false, reason: 'draft_not_found' });

    const db = openKioskDataDb(core.dataDir);
    const row = db.prepare('SELECT * FROM submissions WHERE uuid = ?').get(result.uuid) as Record<
      string,
      string | number
    >;
    const payload = JSON.parse(String(row.payload));
    expect(row.payload).toBe(canonicalJson(payload));
    expect(row.sha256).toBe(sha256Hex(String(row.payload)));
    expect(row).toMatchObject({
      template_id: 'legal_aid_application',
      template_version: '1.3.0',
      priority: 1,
      receipt_no: result.receiptNo,
    });
    expect(result.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(payload).toMatchObject({
      uuid: result.uuid,
      template: { id: 'legal_aid_application', version: '1.3.0' },
      priority: true,
      feeReduction: null,
    });
    expect(payload.answers.resident_id).toBe('150203199003070025');
    expect(db.prepare('SELECT state FROM outbox WHERE uuid = ?').get(result.uuid)).toEqual({
      state: 'pending',
    });
    expect(() => db.prepare('UPDATE submissions SET priority = 0 WHERE uuid = ?').run(result.uuid)).toThrow(
      /immutable/,
    );
    db.close();

    const second = await core.call('forms.submit', { draftId: await fillLegalAid(core) });
    expect(second.ok && second.receiptNo).toBe('BT-SK01-261128-002');

    const summary = await core.call('forms.get_submission_summary', { uuid: result.uuid });
    expect(summary).toMatchObject({
      ok: true,
      summary: { receiptNo: result.receiptNo, priority: true, officePhone: '12348' },
    });
    expect(JSON.stringify(summary)).not.toContain('150203199003070025');
  });

  it('leaves nothing behind when part of the transaction fails', async () => {
    core = startTestCore();
    const draftId = await fillLegalAid(core);
    core.deps.db.exec(
      "CREATE TRIGGER outbox_broken BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;",
    );
    expect(await core.raw('forms.submit', { draftId })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(core.deps.db.prepare('SELECT COUNT(*) AS n FROM submissions').get()).toEqual({ n: 0 });
    expect((await answers(draftId)).answers.full_name).toBe('张示例');
  });

  it('stores the quote the core computes (integer fen) on a notarization request only', async () => {
    core = startTestCore();
    const legalAid = await newDraft();
    const situation = {
      matterId: 'inheritance',
      disabilityLevel: 1,
      estateValueFen: 900_000,
      legalAidEligible: false,
      standardFeeFen: 30101,
    } as const;
    expect(await core.call('forms.attach_fee_reduction', { draftId: legalAid, situation })).toEqual({
      ok: false,
      reason: 'no_fee_slot',
    });
    const notary = await newDraft('notarization_request');
    expect(await core.call('forms.attach_fee_reduction', { draftId: notary, situation })).toEqual({
      ok: true,
    });
    await core.call('forms.save_answer', { draftId: notary, stepId: 'full_name', value: '张示例' });
    // 50 % of 301.01 yuan, rounded in the visitor's favour, kept in fen with the rule and the table version.
    expect((await answers(notary)).feeReduction).toMatchObject({
      tableId: 'baotou',
      standardFeeFen: 30101,
      reductionPercent: 50,
      reductionFen: 15051,
      feeToPayFen: 15050,
      applied: { ruleId: 'severe_livelihood' },
    });
    // Answers the engine refuses store nothing; an amount is never an argument.
    expect(
      await core.call('forms.attach_fee_reduction', { draftId: notary, situation: { matterId: 'will' } }),
    ).toEqual({ ok: false, reason: 'invalid_input' });
    expect(
      await core.raw('forms.attach_fee_reduction', {
        draftId: notary,
        situation: { ...situation, feeToPayFen: 0 },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect((await answers(notary)).feeReduction).toMatchObject({ feeToPayFen: 15050 });
  });

  it('still reads a draft that holds the legacy yuan record, and treats an unreadable one as none', async () => {
    core = startTestCore();
    const notary = await newDraft('notarization_request');
    const legacy = { ruleId: 'over_70_first_will', reductionPercent: 100, feeToPay: 0 };
    const setFee = (fee: unknown) =>
      core.deps.db
        .prepare('UPDATE drafts SET answers = ? WHERE id = ?')
        .run(JSON.stringify({ full_name: '张示例', $fee_reduction: fee }), notary);
    setFee(legacy);
    expect(await answers(notary)).toMatchObject({ feeReduction: legacy, answers: { full_name: '张示例' } });
    setFee({ ruleId: 'x', feeToPay: 'free' });
    expect(await answers(notary)).toMatchObject({ feeReduction: null, answers: { full_name: '张示例' } });
  });
});
