import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeskPdf } from '../../../hub/desk/desk_print';
import { createHubServer, listenHub, type RunningHub } from '../../../hub/hub_server';
import type { HubStore } from '../../../hub/storage/hub_store';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { createLogger } from '../../../node_shared/logger';
import type { PdfRenderer } from '../../../node_shared/pdf/pdf_renderer';
import { processesOf } from '../../../node_shared/pdf/process_memory';
import { LEGAL_AID_ANSWERS } from '../forms/support';
import { tempDir } from '../sync/support/hub_harness';
import { pdfText, publishLegalAid, token } from './desk_support';
import { STAFF_PIN, type StaffCore, startStaffCore } from './staff_support';

const NAME = LEGAL_AID_ANSWERS.find(([id]) => id === 'full_name')![1] as string;
const CENTRE = 'baotou-city-centre';

let hub: RunningHub;
let store: HubStore;
let kiosk: StaffCore;
let dataDir: string;
let staff: string;
let uuid: string;
let receiptNo: string;
let deskPdf: PdfRenderer;

const get = (path: string, bearer?: string, extra: Record<string, string> = {}) =>
  fetch(`${hub.url}${path}`, {
    headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...extra },
  });

beforeAll(async () => {
  dataDir = tempDir('hub-desk');
  store = openSqliteHubStore(dataDir);
  await publishLegalAid(store);
  deskPdf = createDeskPdf();
  hub = await listenHub(createHubServer({ store, dataDir, logger: createLogger(() => {}), deskPdf }), 0);
  const terminal = await token(store, 'terminal', CENTRE, 'sample-kiosk-01');
  staff = await token(store, 'staff', CENTRE);
  kiosk = startStaffCore({ hubUrl: hub.url, hubToken: terminal });
  uuid = await kiosk.visitorSubmits();
  expect(await kiosk.call('staff.unlock', { pin: STAFF_PIN })).toMatchObject({ ok: true });
  // The worker may have sent it already; send now leaves nothing waiting either way.
  expect(await kiosk.call('staff.send_now', {})).toMatchObject({ ok: true, pending: 0 });
  const list = await kiosk.call('staff.list_submissions', { days: 7 });
  if (!list.ok) throw new Error('locked');
  receiptNo = list.items[0]!.receiptNo;
  expect(list.items[0]).toMatchObject({ uuid, state: 'sent', handledAt: null });
}, 60_000);

afterAll(async () => {
  kiosk?.close();
  await hub?.close();
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('hub desk page', () => {
  it('refuses a request without a token (browser login prompt), a terminal token and an unknown token', async () => {
    const none = await get('/desk');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect((await get('/desk', await token(store, 'terminal', CENTRE, 'other-kiosk'))).status).toBe(403);
    expect((await get('/desk', 'kh1.nothing.nothing')).status).toBe(401);
    expect((await get(`/desk/s/${uuid}/application.pdf`)).status).toBe(401);
  });

  it("never shows another centre's submission to a centre-bound staff token", async () => {
    const other = await token(store, 'staff', 'another-centre');
    const page = await (await get('/desk', other)).text();
    expect(page).not.toContain(receiptNo);
    expect((await get(`/desk/s/${uuid}`, other)).status).toBe(404);
    expect((await get(`/desk/s/${uuid}/application.pdf`, other)).status).toBe(404);
    const post = await fetch(`${hub.url}/desk/s/${uuid}/handled`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other}` },
    });
    expect(post.status).toBe(404);
  });

  it('lists the submission with filters, a CSP without inline script, and refuses hostile filters', async () => {
    const response = await get('/desk', staff);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).toContain(receiptNo);
    expect(page).not.toContain(NAME); // the list holds no answers
    expect(page).not.toMatch(/<script|style=/);
    expect(await (await get('/desk?priority=yes&service=legal_aid_application', staff)).text()).toContain(
      receiptNo,
    );
    expect(await (await get('/desk?priority=no', staff)).text()).not.toContain(receiptNo);
    expect(await (await get('/desk?date=2001-01-01', staff)).text()).not.toContain(receiptNo);
    for (const bad of [
      "date=x'%20OR%201=1",
      'state=%24(reboot)',
      '__proto__=1',
      `service=${'a'.repeat(100)}`,
    ])
      expect((await get(`/desk?${bad}`, staff)).status, bad).toBe(422);
  });

  it('opens one with its answers and prints the application as a PDF that holds them', async () => {
    const detail = await (await get(`/desk/s/${uuid}`, staff)).text();
    expect(detail).toContain(NAME);
    const pdf = await get(`/desk/s/${uuid}/application.pdf`, staff);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(Buffer.from(await pdf.arrayBuffer()), dataDir);
    expect(text).toContain(NAME);
    expect(text).toContain(receiptNo);
  }, 60_000);

  it('prints for ten desks at once with one long-lived browser (a few pages), memory bounded', async () => {
    const pdfs = await Promise.all(
      Array.from({ length: 10 }, () => get(`/desk/s/${uuid}/application.pdf`, staff)),
    );
    expect(pdfs.map((r) => r.status)).toEqual(Array(10).fill(200));
    for (const pdf of pdfs)
      expect(await pdfText(Buffer.from(await pdf.arrayBuffer()), dataDir)).toContain(NAME);
    const browsers = processesOf(deskPdf.profileDir!).filter((p) => p.type === 'browser');
    expect(browsers).toHaveLength(1);
    expect(deskPdf.launches).toBe(1);
    // Three pages render at a time; Chromium adds a spare renderer and the start tab's.
    expect(processesOf(deskPdf.profileDir!).filter((p) => p.type === 'renderer').length).toBeLessThanOrEqual(
      5,
    );
  }, 120_000);

  it('marks it handled (same-origin form post only) and the mark reaches the terminal on its next fetch', async () => {
    const cross = await fetch(`${hub.url}/desk/s/${uuid}/handled`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, origin: 'http://evil.example' },
      redirect: 'manual',
    });
    expect(cross.status).toBe(403);
    const crossSite = await fetch(`${hub.url}/desk/s/${uuid}/handled`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, 'sec-fetch-site': 'cross-site', origin: hub.url },
      redirect: 'manual',
    });
    expect(crossSite.status).toBe(403);
    expect(await (await get('/desk?state=handled', staff)).text()).not.toContain(receiptNo);
    const post = await fetch(`${hub.url}/desk/s/${uuid}/handled`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, origin: hub.url },
      redirect: 'manual',
    });
    expect(post.status).toBe(303);
    expect(await (await get('/desk?state=handled', staff)).text()).toContain(receiptNo);
    // The feed is for terminals only.
    expect((await get('/api/v1/desk/handled?since=0', staff)).status).toBe(403);
    const list = await kiosk.call('staff.list_submissions', { days: 7 });
    expect(list.ok && list.items[0]!.handledAt).toMatch(/^\d{4}-/);
    // The hub's own audit: token id, action, uuid — never the answers.
    const audit = await store.latestDeskAudit(50);
    expect(audit.map((e) => `${e.action} ${e.uuid}`)).toEqual(
      expect.arrayContaining([
        `desk.view ${uuid}`,
        `desk.print_application ${uuid}`,
        `desk.mark_handled ${uuid}`,
      ]),
    );
    expect(audit.every((e) => /^tok-[0-9a-f]+$/.test(e.tokenId))).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(NAME);
  });
});
