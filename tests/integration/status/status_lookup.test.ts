import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubServer, listenHub, type RunningHub } from '../../../hub/hub_server';
import type { HubStore } from '../../../hub/storage/hub_store';
import { openPostgresHubStore } from '../../../hub/storage/postgres_hub_store';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { createLogger } from '../../../node_shared/logger';
import { placeCard, removeCard, SAMPLE_CARDS } from '../../../scripts/idcard/sample_cards';
import { type PgCluster, startPgCluster } from '../hub/support/pg_cluster';
import { publishLegalAid, token } from '../staff/desk_support';
import { STAFF_PIN, type StaffCore, startStaffCore } from '../staff/staff_support';
import { tempDir } from '../sync/support/hub_harness';

const CENTRE = 'baotou-city-centre';
// The fictitious applicant of tests/integration/forms/support.ts: resident ID …070025, phone 13800000000.
const FACTOR = '070025';
const PERSONAL = ['张示例', '150203199003070025', '13800000000', '示例路'];
/** A made-up card of that applicant for the simulated reader. */
const APPLICANT_CARD = {
  ...SAMPLE_CARDS.sample,
  sexCode: '2',
  birth: '19900307',
  idNumber: '150203199003070025',
};

let cluster: PgCluster | undefined;
let databases = 0;
const stores = [
  { name: 'SQLite', open: async () => openSqliteHubStore(tempDir('hub-status')) },
  {
    name: 'PostgreSQL',
    open: async () => {
      cluster ??= await startPgCluster();
      return openPostgresHubStore(cluster.createDatabase(`status_${++databases}`));
    },
  },
];

afterAll(() => cluster?.stop());

describe.each(stores)('status lookup with a real hub on $name', ({ open }) => {
  let store: HubStore;
  let hub: RunningHub;
  let filing: StaffCore;
  let other: StaffCore;
  let staff: string;
  let uuid: string;
  let receiptNo: string;
  const terminalTokens: string[] = [];

  const lookup = (bearer: string, body: unknown) =>
    fetch(`${hub.url}/api/v1/status/lookup`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${bearer}`,
        'content-type': 'application/json',
        'x-kiosk-app-version': '1.0.0',
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const setState = (body: unknown, bearer = staff) =>
    fetch(`${hub.url}/api/v1/status/${uuid}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    store = await open();
    await publishLegalAid(store);
    hub = await listenHub(createHubServer({ store, logger: createLogger(() => {}) }), 0);
    staff = await token(store, 'staff', CENTRE);
    for (const id of ['filing-kiosk', 'other-kiosk', 'guess-kiosk', 'scan-kiosk'])
      terminalTokens.push(
        await token(store, 'terminal', id === 'other-kiosk' ? 'donghe-station' : CENTRE, id),
      );
    filing = startStaffCore({ terminalId: 'filing-kiosk', hubUrl: hub.url, hubToken: terminalTokens[0] });
    other = startStaffCore({
      terminalId: 'other-kiosk',
      hubUrl: hub.url,
      hubToken: terminalTokens[1],
      centre: { id: 'donghe-station', name: '东河区工作站（示例）', phone: '0472-4123456' },
    });
    uuid = await filing.visitorSubmits();
    expect(await filing.call('staff.unlock', { pin: STAFF_PIN })).toMatchObject({ ok: true });
    expect(await filing.call('staff.send_now', {})).toMatchObject({ ok: true, pending: 0 });
    const list = await filing.call('staff.list_submissions', { days: 7 });
    if (!list.ok) throw new Error('locked');
    receiptNo = list.items[0]!.receiptNo;
  }, 120_000);

  afterAll(async () => {
    filing?.close();
    other?.close();
    await hub?.close();
    await store?.close();
  });

  it('another kiosk finds a new application as received, with its own centre phone', async () => {
    const answer = await other.call('status.lookup', { receiptNo, factor: FACTOR });
    expect(answer).toMatchObject({
      ok: true,
      centrePhone: '0472-4123456',
      status: { receiptNo, flow: 'legal_aid', state: 'received', note: '', details: {} },
    });
  });

  it('the desk sets states with what the visitor is told; each change is kept with who and when', async () => {
    const needed = await setState({
      state: 'documents_needed',
      note: '请周一至周五到中心窗口递交。',
      details: { documents: '劳动合同复印件、工资条' },
    });
    expect(needed.status).toBe(200);
    expect(await other.call('status.lookup', { receiptNo, factor: FACTOR })).toMatchObject({
      ok: true,
      status: {
        state: 'documents_needed',
        note: '请周一至周五到中心窗口递交。',
        details: { documents: '劳动合同复印件、工资条' },
      },
    });
    // Approved without the law firm is refused and changes nothing.
    const incomplete = await setState({ state: 'approved' });
    expect(incomplete.status).toBe(422);
    expect(((await incomplete.json()) as { detail: string }).detail).toMatch(/firmName/);
    expect((await store.review(uuid))?.state).toBe('documents_needed');
    const approved = await setState({
      state: 'approved',
      details: { firmName: '内蒙古示例律师事务所', firmPhone: '0472-5100000' },
    });
    expect(approved.status).toBe(200);
    const history = await store.reviewHistory(uuid);
    expect(history.map((change) => change.state)).toEqual(['documents_needed', 'approved']);
    for (const change of history) {
      expect(change.by).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Date.parse(change.at)).not.toBeNaN();
    }
    expect((await store.latestDeskAudit(5)).map((entry) => entry.action)).toContain('review.approved');
    expect(await other.call('status.lookup', { receiptNo, factor: FACTOR })).toMatchObject({
      ok: true,
      status: { state: 'approved', details: { firmName: '内蒙古示例律师事务所', firmPhone: '0472-5100000' } },
    });
  });

  it("the filing kiosk's staff list shows the hub's review state, from the status feed; a repeat changes nothing", async () => {
    const listed = async () => {
      const list = await filing.call('staff.list_submissions', { days: 7 });
      if (!list.ok) throw new Error('locked');
      return list.items.find((item) => item.uuid === uuid)!;
    };
    const item = await listed();
    expect(item.review?.state).toBe('approved');
    expect(Date.parse(item.review!.at)).not.toBeNaN();
    // the other kiosk filed nothing: the feed gives it none of this terminal's applications
    const elsewhere = await other.call('staff.list_submissions', { days: 7 });
    expect(elsewhere.ok && elsewhere.items.some((row) => row.uuid === uuid)).toBe(false);
    // the feed's cursor moved past the changes; listing again asks from there and keeps the state
    const cursor = () =>
      filing.core.deps.db.prepare("SELECT value FROM settings WHERE key = 'staff.review_since'").get();
    const seen = cursor();
    expect(Number((seen as { value: string }).value)).toBeGreaterThan(0);
    expect((await listed()).review?.state).toBe('approved');
    expect(cursor()).toEqual(seen);
  });

  it('prints the progress this session found, from the core’s copy; nothing once the session has ended', async () => {
    // Found by the lookup of the test above (approved, with the law firm).
    const printed = await other.call('print.status_slip', { language: 'zh-CN' });
    expect(printed).toMatchObject({ ok: true });
    const slip = other.printer.printed.at(-1)!;
    expect(slip.kind).toBe('status_slip');
    const text = slip.html.replace(/<[^>]+>/g, '');
    for (const line of [
      '申请进度',
      `回执号 ${receiptNo} 的进度：`,
      '已批准，已指派律师',
      '内蒙古示例律师事务所',
    ])
      expect(text).toContain(line);
    expect(text).toContain('0472-5100000');
    for (const value of PERSONAL) expect(slip.html).not.toContain(value);
    // The page cannot hand the core a status to print: the method takes none.
    expect(
      await other.raw('print.status_slip', {
        language: 'zh-CN',
        status: { state: 'approved', note: '伪造' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    await other.call('forms.end_session', {});
    expect(await other.call('print.status_slip', { language: 'zh-CN' })).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(other.printer.printed.filter((doc) => doc.kind === 'status_slip')).toHaveLength(1);
  });

  it('the ID card on the reader stands for the six: the core reads it and asks the hub', async () => {
    const cards = tempDir('status-cards');
    const carded = startStaffCore({
      terminalId: 'card-kiosk',
      hubUrl: hub.url,
      hubToken: terminalTokens[1],
      idCardReader: {
        adapter: 'simulated',
        folder: cards,
        location: { 'zh-CN': '屏幕右下方', en: 'below right' },
      },
    });
    try {
      const found = carded.call('status.lookup_by_card', { receiptNo });
      placeCard(cards, APPLICANT_CARD);
      expect(await found).toMatchObject({ ok: true, status: { receiptNo, state: 'approved' } });
      removeCard(cards);
      // the visitor goes on without a card: the wait ends at once
      const given = carded.call('status.lookup_by_card', { receiptNo });
      await carded.call('idcard.disarm', {});
      expect(await given).toEqual({ ok: false, reason: 'no_card', centrePhone: expect.any(String) });
      // an expired card is refused before anything is asked
      const expired = carded.call('status.lookup_by_card', { receiptNo });
      placeCard(cards, SAMPLE_CARDS.expired);
      expect(await expired).toMatchObject({ ok: false, reason: 'expired' });
      // the page never sends the six with the card lookup, and gets no card values back
      expect(await carded.raw('status.lookup_by_card', { receiptNo, factor: FACTOR })).toMatchObject({
        ok: false,
        error: { code: 'invalid_args' },
      });
    } finally {
      carded.close();
    }
    expect(await other.call('status.lookup_by_card', { receiptNo })).toMatchObject({
      ok: false,
      reason: 'no_reader',
    });
  });

  it('refuses a state outside the form’s list, hostile text and other centres’ staff, leaving the state', async () => {
    expect((await setState({ state: 'visited' })).status).toBe(422);
    expect((await setState({ state: 'refused', details: { reason: 'x'.repeat(1_000_000) } })).status).toBe(
      413,
    );
    expect((await setState({ state: 'refused', details: { reason: '理由\n$(rm -rf /)' } })).status).toBe(422);
    expect((await setState({ state: 'closed', extra: 1 })).status).toBe(422);
    const outsider = await token(store, 'staff', 'donghe-station');
    expect((await setState({ state: 'closed' }, outsider)).status).toBe(404);
    expect((await setState({ state: 'closed' }, terminalTokens[0])).status).toBe(403);
    expect((await store.review(uuid))?.state).toBe('approved');
  });

  it('the desk page sets a refusal from its form and lists the change', async () => {
    const form = new URLSearchParams({
      state: 'refused',
      reason: '经济状况不符合援助条件',
      note: '',
      documents: '',
    });
    const posted = await fetch(`${hub.url}/desk/s/${uuid}/review`, {
      method: 'POST',
      redirect: 'manual',
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(posted.status).toBe(303);
    const page = await (
      await fetch(`${hub.url}/desk/s/${uuid}`, { headers: { authorization: `Bearer ${staff}` } })
    ).text();
    expect(page).toContain('不予法律援助');
    expect(page).toContain('审查状态');
    const crossSite = await fetch(`${hub.url}/desk/s/${uuid}/review`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        authorization: `Bearer ${staff}`,
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'cross-site',
      },
      body: new URLSearchParams({ state: 'closed' }).toString(),
    });
    expect(crossSite.status).toBe(403);
    expect(await other.call('status.lookup', { receiptNo, factor: FACTOR })).toMatchObject({
      ok: true,
      status: { state: 'refused', details: { reason: '经济状况不符合援助条件' } },
    });
  });

  it('returns only the state, the note and the visitor-facing fields, never personal data', async () => {
    const answer = await lookup(terminalTokens[1]!, { receiptNo, factor: FACTOR });
    const text = await answer.text();
    expect(answer.status).toBe(200);
    expect(Object.keys((JSON.parse(text) as { status: object }).status).sort()).toEqual(
      ['details', 'flow', 'note', 'receiptNo', 'since', 'state'].sort(),
    );
    for (const value of PERSONAL) expect(text).not.toContain(value);
  });

  it('answers a wrong factor exactly as an unknown receipt', async () => {
    const wrong = await lookup(terminalTokens[1]!, { receiptNo, factor: '123456' });
    const unknown = await lookup(terminalTokens[1]!, { receiptNo: 'BT-ZZZZ-261128-999', factor: FACTOR });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await wrong.text()).toBe(await unknown.text());
    expect([...wrong.headers.keys()].sort()).toEqual([...unknown.headers.keys()].sort());
    expect(await other.call('status.lookup', { receiptNo, factor: '123456' })).toEqual({
      ok: false,
      reason: 'not_found',
      centrePhone: '0472-4123456',
    });
    expect(await other.call('status.lookup', { receiptNo: 'BT-ZZZZ-261128-999', factor: FACTOR })).toEqual({
      ok: false,
      reason: 'not_found',
      centrePhone: '0472-4123456',
    });
  });

  it('refuses malformed and hostile lookups with a clear error', async () => {
    expect(
      (await lookup(terminalTokens[1]!, { receiptNo: "R'; DROP TABLE x;--", factor: FACTOR })).status,
    ).toBe(422);
    expect((await lookup(terminalTokens[1]!, { receiptNo, factor: '$(id)' })).status).toBe(422);
    expect(
      (await lookup(terminalTokens[1]!, { receiptNo: 'x'.repeat(1_000_000), factor: FACTOR })).status,
    ).toBe(413);
    expect((await lookup(terminalTokens[1]!, { receiptNo: 12, factor: 70025 })).status).toBe(422);
    expect((await lookup(staff, { receiptNo, factor: FACTOR })).status).toBe(403);
    const kioskSide = await other.raw('status.lookup', { receiptNo, factor: '07002\n5' });
    expect(kioskSide).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
  });

  it('limits guesses per receipt number: the right factor is refused once the wrong ones used the budget', async () => {
    const guesser = terminalTokens[2]!;
    const statuses: number[] = [];
    for (let guess = 0; guess < 6; guess++)
      statuses.push((await lookup(guesser, { receiptNo, factor: String(100000 + guess) })).status);
    // Six tries per receipt and hour: the wrong-factor test above already used two on this receipt.
    expect(statuses).toEqual([404, 404, 404, 404, 429, 429]);
    const blocked = await lookup(terminalTokens[1]!, { receiptNo, factor: FACTOR });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await other.call('status.lookup', { receiptNo, factor: FACTOR })).toMatchObject({
      ok: false,
      reason: 'rate_limited',
    });
  });

  it('limits lookups per terminal across receipt numbers', async () => {
    const scanner = terminalTokens[3]!;
    const statuses: number[] = [];
    for (let n = 0; n < 31; n++)
      statuses.push((await lookup(scanner, { receiptNo: `BT-0001-261128-${n}`, factor: FACTOR })).status);
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('says it cannot reach the centre when the hub is down, with the centre phone, never an old state', async () => {
    await hub.close();
    const answer = await other.call('status.lookup', { receiptNo, factor: FACTOR });
    expect(answer).toEqual({ ok: false, reason: 'offline', centrePhone: '0472-4123456' });
  });
});
