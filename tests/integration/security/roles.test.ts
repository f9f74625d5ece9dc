import { afterEach, describe, expect, it } from 'vitest';
import { contract, LOCKED, type Role } from '../../../common/contract';
import { STAFF_PIN, type StaffCore, startStaffCore } from '../staff/staff_support';

const NAME = '张示例';
const ID_NUMBER = '150203199003070025';

let t: StaffCore;
afterEach(() => t?.close());

/** Every audit row as one line, to check it names no person. */
function auditText(core: StaffCore): string {
  return core.core.deps.audit
    .latest(500)
    .map((entry) => `${entry.actor} ${entry.action} ${entry.subject}`)
    .join('\n');
}

/**
 * Who may call each method, decided once and reviewed here: a method added to the contract fails this test
 * until it is listed, so nobody's new method becomes callable by the page by default.
 */
const ROLE_OF: Record<Role, readonly string[]> = {
  visitor: [
    'system.health',
    'system.provisioning',
    // Only starts deferred background work (speech pre-render, printer warm-up) sooner.
    'system.ready',
    'forms.list_templates',
    'forms.get_template',
    'forms.get_options',
    'forms.start_draft',
    'forms.get_draft',
    'forms.save_answer',
    'forms.set_current_step',
    'forms.attach_fee_reduction',
    'forms.keep_draft',
    'forms.resume_draft',
    'forms.discard_draft',
    'forms.open_draft',
    'forms.end_session',
    'forms.submit',
    'forms.get_submission_summary',
    // Only the current visitor's own documents (checked by the core, tested below).
    'print.receipt',
    'print.application',
    'print.retrieval_code',
    'print.fee_result',
    'print.checklist',
    'print.status_slip',
    'speech.render',
    // Engine health without personal data: staff's status bar shows a missing engine.
    'speech.status',
    'technician.unlock',
    'technician.lock',
    'staff.unlock',
    'staff.lock',
    'staff.status',
    'session.set_active',
    // Refused once the terminal is provisioned.
    'provisioning.redeem',
    'directory.dataset',
    'fees.rule_table',
    'content.library',
    'sync.status',
    'video.open',
    'video.send',
    'video.close',
    'video.external.info',
    'video.external.open',
    'video.external.close',
    'sign.lookup',
    // Only for a draft of the session at the screen (checked by the core).
    'idcard.arm',
    'idcard.disarm',
    // Answers only state and visitor-facing fields, after the hub checked the second factor.
    'status.lookup',
    'status.lookup_by_card',
  ],
  staff: [
    'sync.send_now',
    'sync.problems',
    'staff.alerts',
    'staff.list_submissions',
    'staff.open_submission',
    'staff.print',
    'staff.mark_handled',
    'staff.send_now',
    'staff.counts',
    'staff.find_draft',
    'staff.assist_draft',
    'staff.start_assisted',
  ],
  technician: [
    'diagnostics.hub',
    'diagnostics.sync',
    'diagnostics.printers',
    'diagnostics.print_test',
    'diagnostics.speech',
    'diagnostics.media_access',
    'diagnostics.system',
    'diagnostics.id_card',
    'technician.config_view',
    'technician.config_edit',
    'technician.export_logs',
    'technician.restart',
  ],
};

describe('roles in the contract, enforced by the dispatcher', () => {
  it('gives every method the role decided for it; every staff and technician method can answer `locked`', () => {
    const declared = Object.fromEntries(Object.entries(contract).map(([name, spec]) => [name, spec.role]));
    const decided = Object.fromEntries(
      Object.entries(ROLE_OF).flatMap(([role, names]) => names.map((name) => [name, role])),
    );
    expect(declared).toEqual(decided);
    for (const [name, spec] of Object.entries(contract))
      if (spec.role !== 'visitor') expect(spec.result.safeParse(LOCKED).success, name).toBe(true);
  });

  it('with staff locked, lists nobody’s submissions and sends nothing (sync.problems, sync.send_now)', async () => {
    t = startStaffCore();
    const uuid = await t.visitorSubmits();
    t.core.deps.db.prepare("UPDATE outbox SET state = 'rejected', last_error = 'x' WHERE uuid = ?").run(uuid);
    await t.call('forms.end_session', {});
    const problems = await t.raw('sync.problems', {});
    expect(problems).toEqual({ ok: true, value: LOCKED });
    expect(JSON.stringify(problems)).not.toContain(uuid);
    expect(await t.raw('sync.send_now', {})).toEqual({ ok: true, value: LOCKED });
    await t.call('staff.unlock', { pin: STAFF_PIN });
    const unlocked = await t.call('sync.problems', {});
    expect(JSON.stringify(unlocked)).toContain(uuid);
  });

  it('lets a visitor print only this session’s documents; another visitor’s application needs staff, audited', async () => {
    t = startStaffCore();
    const uuid = await t.visitorSubmits();
    expect(await t.call('print.receipt', { uuid, language: 'zh-CN' })).toMatchObject({ ok: true });
    // The next visitor (session reset) — or a compromised page — asks for the previous visitor's documents.
    await t.call('forms.end_session', {});
    const printedBefore = t.printer.printed.length;
    for (const method of ['print.application', 'print.receipt'] as const)
      expect(await t.call(method, { uuid, language: 'zh-CN' })).toEqual({ ok: false, reason: 'not_found' });
    expect(await t.call('staff.print', { uuid, document: 'application', language: 'zh-CN' })).toEqual(LOCKED);
    expect(t.printer.printed).toHaveLength(printedBefore);

    await t.call('staff.unlock', { pin: STAFF_PIN });
    expect(await t.call('staff.print', { uuid, document: 'application', language: 'zh-CN' })).toMatchObject({
      ok: true,
    });
    expect(t.printer.printed.at(-1)?.html).toContain(NAME);
    const entry = t.core.deps.audit.latest(10).find((row) => row.action === 'staff.print_application');
    expect(entry).toMatchObject({ actor: 'desk-wang@sample-kiosk-01', subject: uuid });
    expect(entry?.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(auditText(t)).not.toContain(NAME);
    expect(auditText(t)).not.toContain(ID_NUMBER);
  });

  it('gives the page no way to write the audit log', async () => {
    t = startStaffCore();
    const before = t.core.deps.audit.latest(500).length;
    const response = await t.raw('audit.record', { action: 'staff.print_application', subject: 'forged' });
    expect(response).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(t.core.deps.audit.latest(500)).toHaveLength(before);
  });

  it('runs no technician method while technician mode is locked', async () => {
    t = startStaffCore();
    for (const method of ['diagnostics.system', 'diagnostics.sync', 'technician.config_view'] as const)
      expect(await t.raw(method, {}), method).toEqual({ ok: true, value: LOCKED });
    expect(await t.raw('technician.export_logs', { folder: '/tmp' })).toEqual({ ok: true, value: LOCKED });
  });
});
