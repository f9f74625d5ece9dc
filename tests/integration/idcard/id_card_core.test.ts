import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../../common/result';
import type { PrintDocument, Printer } from '../../../core/printing/printer';
import { placeCard, removeCard, SAMPLE_CARDS } from '../../../scripts/idcard/sample_cards';
import { startTestCore, type TestCore } from '../forms/support';
import { cardEvents, READER_LOCATION, readerConfig, TECHNICIAN_PIN } from './id_card_support';

const CARD = SAMPLE_CARDS.sample;
const CARD_STEPS = ['full_name', 'sex', 'birth_date', 'ethnicity', 'resident_id', 'address'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let core: TestCore;
let cards: string;
let docs: PrintDocument[];

function start(change: Parameters<typeof readerConfig>[1] = {}) {
  const { configPath, dataDir } = readerConfig(cards, change);
  docs = [];
  const printer: Printer = {
    print: async (doc) => {
      docs.push(doc);
      return ok({ jobId: `job-${docs.length}` });
    },
  };
  core = startTestCore({ configPath, dataDir, printer });
  return core;
}

async function legalAidDraft(): Promise<string> {
  const started = await core.call('forms.start_draft', { templateId: 'legal_aid_application' });
  if (!started.ok) throw new Error('start');
  return started.draft.draftId;
}

const logLines = () => (core.deps.logger as unknown as { lines: string[] }).lines.join('\n');

beforeEach(() => {
  cards = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-cards-'));
});
afterEach(() => core?.close());

describe('the ID card reader in the kiosk core (simulated reader, real SQLite)', () => {
  it('tells the screen where the reader is, and only that', async () => {
    start();
    const provisioning = await core.call('system.provisioning', {});
    expect(provisioning.provisioned && provisioning.terminal.idCardReader).toEqual({
      location: READER_LOCATION,
    });
    expect(JSON.stringify(provisioning)).not.toContain(cards);
  });

  it('a card placed for a draft fills the applicant steps, marked, and the screen learns only which', async () => {
    start();
    const events = cardEvents(core);
    const draftId = await legalAidDraft();
    expect(await core.call('idcard.arm', { draftId, holder: 'applicant' })).toEqual({
      ok: true,
      ready: true,
    });
    placeCard(cards, CARD);
    await events.next('reading');
    const read = await events.next('read');
    expect(read).toEqual({
      state: 'read',
      draftId,
      holder: 'applicant',
      filled: CARD_STEPS,
      offerLanguage: null,
    });
    // the event carries no card data: the values reach the screen only as the draft's own answers
    expect(JSON.stringify(events.seen)).not.toContain(CARD.idNumber);
    expect(JSON.stringify(events.seen)).not.toContain(CARD.name);
    const draft = await core.call('forms.get_draft', { draftId });
    expect(draft.ok && draft.draft.answers).toEqual({
      full_name: '李明',
      sex: 'male',
      birth_date: '1985-06-12',
      ethnicity: '汉族',
      resident_id: CARD.idNumber,
      address: CARD.address,
    });
    expect(draft.ok && draft.draft.fromIdCard).toEqual(CARD_STEPS);
  });

  it('the mediation request takes name, ID number and address from the same card, marked', async () => {
    start();
    const events = cardEvents(core);
    const started = await core.call('forms.start_draft', { templateId: 'mediation_request' });
    if (!started.ok) throw new Error('start');
    const draftId = started.draft.draftId;
    expect(await core.call('idcard.arm', { draftId, holder: 'applicant' })).toEqual({
      ok: true,
      ready: true,
    });
    placeCard(cards, CARD);
    const read = await events.next('read');
    expect(read).toMatchObject({
      draftId,
      holder: 'applicant',
      filled: ['full_name', 'resident_id', 'address'],
    });
    const draft = await core.call('forms.get_draft', { draftId });
    expect(draft.ok && draft.draft.answers).toEqual({
      full_name: '李明',
      resident_id: CARD.idNumber,
      address: CARD.address,
    });
    expect(draft.ok && draft.draft.fromIdCard).toEqual(['full_name', 'resident_id', 'address']);
  });

  it('an answer the visitor changes loses its mark; submission and printed application carry the rest', async () => {
    start();
    const events = cardEvents(core);
    const draftId = await legalAidDraft();
    await core.call('idcard.arm', { draftId, holder: 'applicant' });
    placeCard(cards, CARD);
    await events.next('read');
    // the same value saved again keeps the mark; another value drops it
    await core.call('forms.save_answer', { draftId, stepId: 'full_name', value: '李明' });
    const changed = await core.call('forms.save_answer', {
      draftId,
      stepId: 'address',
      value: '包头市昆都仑区新地址8号',
    });
    expect(changed.ok && changed.draft.fromIdCard).toEqual(CARD_STEPS.filter((id) => id !== 'address'));
    const rest: [string, unknown][] = [
      ['filer_role', 'self'],
      ['phone', '13912345678'],
      ['has_disability_cert', false],
      ['aid_type', 'consultation'],
      ['matter_cause', 'labour_pay'],
      ['case_stage', 'not_started'],
      ['urgent_deadline', false],
      ['matter_description', '公司拖欠我三个月工资，我想要回工资。'],
      ['art32_group', 'none'],
      ['art42_group', ['migrant_worker']],
      ['honesty_commitment', 'agree'],
      ['accommodations', ['none']],
      ['preferred_lawyer', 'no_preference'],
    ];
    for (const [stepId, value] of rest) {
      const saved = await core.call('forms.save_answer', { draftId, stepId, value: value as never });
      expect(saved.ok, stepId).toBe(true);
    }
    const submitted = await core.call('forms.submit', { draftId });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted));
    const payload = core.deps.db
      .prepare('SELECT payload FROM submissions WHERE uuid = ?')
      .get(submitted.uuid) as {
      payload: string;
    };
    expect(JSON.parse(payload.payload).fromIdCard).toEqual(CARD_STEPS.filter((id) => id !== 'address'));

    expect((await core.call('print.application', { uuid: submitted.uuid, language: 'zh-CN' })).ok).toBe(true);
    const html = docs.at(-1)!.html;
    expect(html.match(/（身份证读取）/g)).toHaveLength(CARD_STEPS.length - 1);
    // the mark sits with the label of each answer from the card, not with the changed address
    expect(html).toContain('姓名<span class="source">（身份证读取）</span>');
    expect(html).toContain('住址</span>');
  });

  it('an expired card fills nothing and says so', async () => {
    start();
    const events = cardEvents(core);
    const draftId = await legalAidDraft();
    await core.call('idcard.arm', { draftId, holder: 'applicant' });
    placeCard(cards, SAMPLE_CARDS.expired);
    expect(await events.next('failed')).toEqual({ state: 'failed', reason: 'expired' });
    const draft = await core.call('forms.get_draft', { draftId });
    expect(draft.ok && draft.draft.answers).toEqual({});
  });

  it('a card taken away during the read is removed_early; a damaged chip is unreadable', async () => {
    start();
    const events = cardEvents(core);
    const draftId = await legalAidDraft();
    await core.call('idcard.arm', { draftId, holder: 'applicant' });
    placeCard(cards, { ...CARD, readMs: 400 });
    await events.next('reading');
    removeCard(cards);
    expect(await events.next('failed')).toEqual({ state: 'failed', reason: 'removed_early' });
    placeCard(cards, { ...CARD, unreadable: true });
    expect(await events.next('failed')).toEqual({ state: 'failed', reason: 'unreadable' });
  });

  it('reads nothing unless a draft armed it: before arming, after disarming, after the session ended', async () => {
    start();
    const events = cardEvents(core);
    const draftId = await legalAidDraft();
    placeCard(cards, CARD);
    await sleep(400);
    await core.call('idcard.arm', { draftId, holder: 'applicant' });
    await core.call('idcard.disarm', {});
    removeCard(cards);
    await sleep(100);
    placeCard(cards, CARD);
    await sleep(400);
    await core.call('idcard.arm', { draftId, holder: 'applicant' });
    await core.call('forms.end_session', {});
    removeCard(cards);
    placeCard(cards, { ...CARD, name: '张三' });
    await sleep(400);
    expect(events.seen.filter((event) => event.state === 'read')).toEqual([]);
  });

  it('offers Mongolian for a 蒙古族 card only where the terminal has Mongolian', async () => {
    start();
    let events = cardEvents(core);
    let draftId = await legalAidDraft();
    await core.call('idcard.arm', { draftId, holder: 'applicant' });
    placeCard(cards, SAMPLE_CARDS.mongolian);
    expect((await events.next('read')).offerLanguage).toBe('mn-Mong-CN');
    const draft = await core.call('forms.get_draft', { draftId });
    expect(draft.ok && draft.draft.answers.ethnicity).toBe('蒙古族');
    core.close();
    removeCard(cards);

    start({ languages: ['zh-CN', 'en'] });
    events = cardEvents(core);
    draftId = await legalAidDraft();
    await core.call('idcard.arm', { draftId, holder: 'applicant' });
    placeCard(cards, SAMPLE_CARDS.mongolian);
    expect((await events.next('read')).offerLanguage).toBeNull();
  });

  it('writes nothing of the card to the logs or the audit trail', async () => {
    start();
    const events = cardEvents(core);
    const draftId = await legalAidDraft();
    await core.call('idcard.arm', { draftId, holder: 'applicant' });
    placeCard(cards, CARD);
    await events.next('read');
    const audit = JSON.stringify(core.deps.audit.latest(100));
    const logs = logLines();
    expect(logs).toContain('idcard.read');
    for (const value of [CARD.name, CARD.idNumber, CARD.address, CARD.birth, CARD.issuer, '1985-06-12']) {
      expect(logs).not.toContain(value);
      expect(audit).not.toContain(value);
    }
    // once the session ends the unkept draft, the only place the card went, is gone
    await core.call('forms.end_session', {});
    const rows = core.deps.db.prepare('SELECT answers FROM drafts').all();
    expect(JSON.stringify(rows)).not.toContain(CARD.idNumber);
  });

  it('refuses hostile and malformed arm calls with clear errors and leaves the draft intact', async () => {
    start();
    const draftId = await legalAidDraft();
    await core.call('forms.save_answer', { draftId, stepId: 'full_name', value: '王五' });
    const hostile: unknown[] = [
      { draftId: '$(rm -rf /)', holder: 'applicant' },
      { draftId, holder: "applicant'; DROP TABLE drafts; --" },
      { draftId, holder: 'x'.repeat(1_000_000) },
      { draftId, holder: 'applicant\nagent' },
      { draftId: 42, holder: ['applicant'] },
      { draftId, holder: 'applicant', extra: true },
      { draftId, holder: 'applicant', __proto__: { polluted: true } },
    ];
    for (const args of hostile) {
      const response = await core.raw('idcard.arm', args);
      expect(response.ok, JSON.stringify(args).slice(0, 80)).toBe(false);
      if (!response.ok) expect(response.error.code).toBe('invalid_args');
    }
    expect(await core.call('idcard.arm', { draftId, holder: 'agent' })).toEqual({
      ok: false,
      reason: 'no_card_steps',
    });
    expect(
      await core.call('idcard.arm', { draftId: '00000000-0000-4000-8000-000000000000', holder: 'applicant' }),
    ).toEqual({ ok: false, reason: 'draft_not_found' });
    const feedback = await core.call('forms.start_draft', { templateId: 'satisfaction_feedback' });
    if (!feedback.ok) throw new Error('start');
    expect(await core.call('idcard.arm', { draftId: feedback.draft.draftId, holder: 'applicant' })).toEqual({
      ok: false,
      reason: 'no_card_steps',
    });
    const draft = await core.call('forms.get_draft', { draftId });
    expect(draft.ok && draft.draft.answers).toEqual({ full_name: '王五' });
  });

  it('fills only a draft of the session at the screen: a kept draft of an earlier visitor cannot be aimed at', async () => {
    start();
    const events = cardEvents(core);
    const draftId = await legalAidDraft();
    const kept = await core.call('forms.keep_draft', { draftId });
    if (!kept.ok) throw new Error('keep');
    await core.call('forms.end_session', {});
    // The next visitor's page (or a compromised one) knows the earlier draft's id.
    expect(await core.call('idcard.arm', { draftId, holder: 'applicant' })).toEqual({
      ok: false,
      reason: 'draft_not_found',
    });
    placeCard(cards, CARD);
    await sleep(400);
    expect(events.seen.filter((event) => event.state === 'read')).toEqual([]);
    const draft = await core.call('forms.get_draft', { draftId });
    expect(draft.ok && draft.draft.answers.full_name).toBeFalsy();
  });

  it('a terminal without a reader says so', async () => {
    core = startTestCore();
    const draftId = await legalAidDraft();
    expect(await core.call('idcard.arm', { draftId, holder: 'applicant' })).toEqual({
      ok: false,
      reason: 'no_reader',
    });
    const provisioning = await core.call('system.provisioning', {});
    expect(provisioning.provisioned && provisioning.terminal.idCardReader).toBeUndefined();
  });

  it('the technician test: locked without the PIN; port, SAM id, one read whose contents are dropped', async () => {
    start();
    expect(await core.call('diagnostics.id_card', { read: false })).toEqual({ ok: false, reason: 'locked' });
    expect(await core.call('technician.unlock', { pin: TECHNICIAN_PIN })).toMatchObject({ ok: true });
    expect(await core.call('diagnostics.id_card', { read: false })).toEqual({
      ok: true,
      configured: true,
      adapter: 'simulated',
      port: cards,
      status: 'ok',
      samId: '05.01-20240601-0000000019-0000000001',
      read: null,
    });
    const testing = core.call('diagnostics.id_card', { read: true });
    await sleep(200);
    placeCard(cards, CARD);
    const tested = await testing;
    expect(tested).toMatchObject({ ok: true, read: { outcome: 'read' } });
    expect(JSON.stringify(tested)).not.toContain(CARD.idNumber);
    removeCard(cards);
    await sleep(100);
    const expired = core.call('diagnostics.id_card', { read: true });
    await sleep(200);
    placeCard(cards, SAMPLE_CARDS.expired);
    expect(await expired).toMatchObject({ read: { outcome: 'expired' } });
    expect(JSON.stringify(core.deps.db.prepare('SELECT * FROM drafts').all())).not.toContain(CARD.name);
  });
});
