import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../../common/forms/answers';
import { canonicalJson } from '../../../common/forms/canonical_json';
import { createDeskPdf } from '../../../hub/desk/desk_print';
import { createHubServer, listenHub, type RunningHub } from '../../../hub/hub_server';
import { prepareItem } from '../../../hub/publish';
import type { HubStore } from '../../../hub/storage/hub_store';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { createLogger } from '../../../node_shared/logger';
import type { PdfRenderer } from '../../../node_shared/pdf/pdf_renderer';
import { REPO } from '../forms/support';
import { tempDir } from '../sync/support/hub_harness';
import { pdfText, token } from './desk_support';
import { STAFF_PIN, type StaffCore, startStaffCore } from './staff_support';

/**
 * The people's mediation request end to end on a real hub: a kiosk core files it, the outbox delivers it,
 * the hub checks it against the published template, the desk lists it and prints the application; hostile
 * payloads for the same template are refused with a reason that names the step, never an answer.
 */
const CENTRE = 'baotou-city-centre';
const TERMINAL = 'sample-kiosk-01';
const OTHER_PARTY = '楼上502的住户';

const ANSWERS: [string, AnswerValue][] = [
  ['full_name', '王芳'],
  ['resident_id', '150203199003070025'],
  ['address', '包头市昆都仑区钢铁大街1号2单元301室'],
  ['phone', '13912345678'],
  ['has_disability_cert', true],
  ['other_party_name', OTHER_PARTY],
  ['relation', 'neighbour'],
  ['dispute_type', 'neighbourhood'],
  ['dispute_description', '楼上卫生间漏水三个月，我家天花板发霉，对方不肯维修。'],
  ['involves_money', true],
  ['amount', 3000],
  ['tried_before', ['talked_directly', 'committee']],
  ['mediation_place', 'home_visit'],
  ['visit_at_home_address', false],
  ['visit_address', '包头市青山区幸福路8号'],
  ['preferred_date', '2026-12-03'],
  ['preferred_time', 'afternoon'],
  ['accommodations', ['sign_language', 'mongolian', 'companion']],
  ['voluntary', 'agree'],
];

let hub: RunningHub;
let store: HubStore;
let kiosk: StaffCore;
let dataDir: string;
let staff: string;
let terminal: string;
let uuid: string;
let receiptNo: string;
let deskPdf: PdfRenderer;

const get = (at: string, bearer: string) =>
  fetch(`${hub.url}${at}`, { headers: { authorization: `Bearer ${bearer}` } });

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A submission as the forms core writes it, for a template version, with these answers. */
function submission(id: string, answers: Record<string, unknown>, priority: boolean, payloadExtra = '') {
  const receipt = `BT-T-${id.slice(0, 8)}`;
  const createdAt = '2026-11-28T02:00:00.000Z';
  const payload =
    canonicalJson({
      formatVersion: 1,
      uuid: id,
      template: { id: 'mediation_request', version: '1.0.0' },
      terminalId: TERMINAL,
      centreId: CENTRE,
      receiptNo: receipt,
      createdAt,
      priority,
      assisted: false,
      answers,
      feeReduction: null,
    }).slice(0, payloadExtra ? -1 : undefined) + payloadExtra;
  return {
    terminalId: TERMINAL,
    templateId: 'mediation_request',
    templateVersion: '1.0.0',
    payload,
    sha256: sha(payload),
    receiptNo: receipt,
    createdAt,
    priority: priority ? 1 : 0,
    assisted: false,
  };
}

const put = (id: string, body: unknown) =>
  fetch(`${hub.url}/api/v1/submissions/${id}`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${terminal}`,
      'content-type': 'application/json',
      'x-kiosk-app-version': '1.0.0',
      'x-kiosk-schema-version': '2',
    },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  dataDir = tempDir('hub-mediation');
  store = openSqliteHubStore(dataDir);
  // As `npm run hub:publish -- assets/templates/mediation_request@1.0.0.json` does.
  const file = path.join(REPO, 'assets/templates/mediation_request@1.0.0.json');
  const item = prepareItem({ kind: 'template', body: fs.readFileSync(file) });
  if (!item.ok) throw new Error(item.error);
  await store.publish({ ...item.value, publishedAt: new Date().toISOString() });
  deskPdf = createDeskPdf();
  hub = await listenHub(createHubServer({ store, dataDir, logger: createLogger(() => {}), deskPdf }), 0);
  terminal = await token(store, 'terminal', CENTRE, TERMINAL);
  staff = await token(store, 'staff', CENTRE);
  kiosk = startStaffCore({ hubUrl: hub.url, hubToken: await token(store, 'terminal', CENTRE, TERMINAL) });
}, 60_000);

afterAll(async () => {
  kiosk?.close();
  await hub?.close();
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('people\u2019s mediation request through a real hub', () => {
  it('the kiosk refuses a court case on the step, then files the request; the outbox delivers it', async () => {
    const started = await kiosk.call('forms.start_draft', { templateId: 'mediation_request' });
    if (!started.ok) throw new Error('start failed');
    const draftId = started.draft.draftId;
    for (const [stepId, value] of ANSWERS) {
      if (stepId === 'tried_before') {
        const refused = await kiosk.call('forms.save_answer', { draftId, stepId, value: ['court_case'] });
        expect(refused).toMatchObject({ ok: false, error: { key: 'errors.refused.court_case' } });
      }
      const saved = await kiosk.call('forms.save_answer', { draftId, stepId, value });
      expect(saved.ok, stepId).toBe(true);
    }
    const submitted = await kiosk.call('forms.submit', { draftId });
    if (!submitted.ok) throw new Error(`submit: ${JSON.stringify(submitted)}`);
    uuid = submitted.uuid;
    expect(await kiosk.call('staff.unlock', { pin: STAFF_PIN })).toMatchObject({ ok: true });
    expect(await kiosk.call('staff.send_now', {})).toMatchObject({ ok: true, pending: 0 });
    const list = await kiosk.call('staff.list_submissions', { days: 7 });
    if (!list.ok) throw new Error('locked');
    const row = list.items.find((item) => item.uuid === uuid)!;
    expect(row).toMatchObject({ state: 'sent', priority: true });
    receiptNo = row.receiptNo;
    expect(await store.countSubmissions()).toBe(1);
  }, 60_000);

  it('the kiosk\u2019s staff view shows it with personal numbers marked; any kiosk finds its progress', async () => {
    const opened = await kiosk.call('staff.open_submission', { uuid, language: 'zh-CN' });
    if (!opened.ok) throw new Error('not found');
    const row = (stepId: string) => opened.answers.find((answer) => answer.stepId === stepId);
    expect(row('other_party_name')).toMatchObject({ text: OTHER_PARTY, personal: false });
    expect(row('resident_id')).toMatchObject({ personal: true });
    expect(row('phone')).toMatchObject({ personal: true });
    expect(row('tried_before')?.text).toContain('找过居委会或村委会');
    expect(row('other_party_phone')).toBeUndefined();
    // the hub keeps the lookup key (last six of the ID number) and answers with the consultation flow
    const status = await kiosk.call('status.lookup', { receiptNo, factor: '070025' });
    expect(status).toMatchObject({
      ok: true,
      status: { receiptNo, flow: 'consultation', state: 'received' },
    });
  });

  it('the staff desk lists it under its own service and prints the application with the law\u2019s notes', async () => {
    const list = await (await get('/desk?service=mediation_request', staff)).text();
    expect(list).toContain(receiptNo);
    expect(list).toContain('人民调解申请');
    expect(list).not.toContain(OTHER_PARTY); // the list holds no answers
    const detail = await (await get(`/desk/s/${uuid}`, staff)).text();
    expect(detail).toContain(OTHER_PARTY);
    const pdf = await get(`/desk/s/${uuid}/application.pdf`, staff);
    expect(pdf.status).toBe(200);
    const text = (await pdfText(Buffer.from(await pdf.arrayBuffer()), dataDir)).replace(/\s+/g, '');
    for (const shown of [
      '人民调解申请书',
      receiptNo,
      '王芳',
      OTHER_PARTY,
      '邻里纠纷',
      '3000',
      '和对方直接商量过',
      '上门调解（行动不便时）',
      '包头市青山区幸福路8号',
      '蒙古语调解',
      '由家人或信任的人陪同',
      '我自愿申请人民调解',
      '不收取任何费用（《人民调解法》第四条）',
      '人民法院已经受理或者已经判决的纠纷，人民调解委员会不予受理',
    ])
      expect(text, shown).toContain(shown);
  }, 60_000);

  it('refuses hostile payloads for the mediation template with 422 and a reason naming the step', async () => {
    const before = await store.countSubmissions();
    const good = Object.fromEntries(ANSWERS);
    const cases: [string, Record<string, unknown>, boolean, string][] = [
      [
        'a court case',
        { ...good, tried_before: ['court_case'] },
        true,
        'step tried_before: errors.refused.court_case',
      ],
      ['no other party', { ...good, other_party_name: '' }, true, 'step other_party_name: errors.required'],
      [
        'a description too long',
        { ...good, dispute_description: '漏'.repeat(5000) },
        true,
        'dispute_description',
      ],
      ['an unknown dispute type', { ...good, dispute_type: 'rm -rf /' }, true, 'dispute_type'],
      ['a home visit without the address', { ...good, visit_address: undefined }, true, 'step visit_address'],
      ['priority the answers do not give', { ...good, has_disability_cert: false }, true, 'priority differs'],
    ];
    for (const [what, answers, priority, reason] of cases) {
      const id = randomUUID();
      const response = await put(id, submission(id, JSON.parse(JSON.stringify(answers)), priority));
      expect(response.status, what).toBe(422);
      const body = (await response.json()) as { error: string; detail?: string };
      expect(body.error, what).toMatch(/invalid_payload|invalid_request/);
      if (body.error === 'invalid_payload') expect(body.detail, what).toContain(reason);
      expect(JSON.stringify(body), what).not.toContain('王芳');
    }
    const id = randomUUID();
    const polluted = await put(id, submission(id, good, true, ',"__proto__":{"admin":true}}'));
    expect(polluted.status).toBe(422);
    expect(((await polluted.json()) as { detail?: string }).detail).toMatch(/forbidden key/);
    expect(await store.countSubmissions()).toBe(before);
  });
});
