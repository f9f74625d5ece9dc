import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../../../core/pins/pin_hash';
import { createHubServer, listenHub, type RunningHub } from '../../../hub/hub_server';
import type { HubStore } from '../../../hub/storage/hub_store';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { createLogger } from '../../../node_shared/logger';
import { LEGAL_AID_ANSWERS } from '../../integration/forms/support';
import { pdfText, publishLegalAid, token } from '../../integration/staff/desk_support';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { PROJECT_ROOT, type RunningDevHost, startDevHost } from '../support/dev_host';

const PIN = '730519';
const CENTRE = 'baotou-city-centre';
const NAME = LEGAL_AID_ANSWERS.find(([id]) => id === 'full_name')![1] as string;

let hub: RunningHub;
let store: HubStore;
let hubDir: string;
let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;
let staffToken: string;
let uuid: string;
let receiptNo: string;

/** A call to the kiosk core through the dev host's RPC endpoint (test setup: the visitor's answers). */
async function rpc(method: string, args: unknown) {
  const response = await fetch(`${host.origin}/rpc`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ method, args }),
  });
  const body = (await response.json()) as { ok: boolean; value?: Record<string, unknown> };
  if (!body.ok) throw new Error(`${method} failed`);
  return body.value as Record<string, unknown> & { ok: boolean };
}

async function visitorSubmits(): Promise<{ uuid: string; receiptNo: string }> {
  const started = (await rpc('forms.start_draft', { templateId: 'legal_aid_application' })) as unknown as {
    draft: { draftId: string };
  };
  const { draftId } = started.draft;
  for (const [stepId, value] of LEGAL_AID_ANSWERS) await rpc('forms.save_answer', { draftId, stepId, value });
  const submitted = await rpc('forms.submit', { draftId });
  return { uuid: submitted.uuid as string, receiptNo: submitted.receiptNo as string };
}

/** The documented gesture: press and hold the kiosk title (top-left) for 3 seconds. */
async function holdTitle(ms: number) {
  const box = (await page.locator('.app-title').boundingBox())!;
  await page.mouse.move(box.x + 10, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(ms);
  await page.mouse.up();
}

async function unlockStaff() {
  await page.getByRole('heading', { name: '工作人员模式' }).waitFor();
  await page.getByLabel('工作人员密码').fill(PIN);
  await page.getByRole('button', { name: '打开', exact: true }).click();
  await page.getByRole('heading', { name: '本终端的申请' }).waitFor();
}

beforeAll(async () => {
  hubDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-desk-e2e-'));
  store = openSqliteHubStore(hubDir);
  await publishLegalAid(store);
  hub = await listenHub(createHubServer({ store, dataDir: hubDir, logger: createLogger(() => {}) }), 0);
  staffToken = await token(store, 'staff', CENTRE);
  const sample = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'assets/config.sample.json'), 'utf8'));
  const configPath = path.join(hubDir, 'kiosk.json');
  fs.writeFileSync(
    configPath,
    JSON.stringify({
      ...sample,
      hubUrl: hub.url,
      hubToken: await token(store, 'terminal', CENTRE, sample.terminalId),
      staff: { id: 'desk-e2e', pinHash: hashPin(PIN) },
    }),
  );
  host = await startDevHost({ configPath, trustedHubs: [hub.url] });
  ({ uuid, receiptNo } = await visitorSubmits());
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(host.url);
  await page.getByRole('heading', { name: '请选择服务' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await hub?.close();
  await store?.close();
});

describe('staff mode on the kiosk (dev host, Chromium)', () => {
  it('is hidden: a tap or a short hold on the title does nothing', async () => {
    await page.locator('.app-title').click();
    await holdTitle(1000);
    expect(await page.getByRole('heading', { name: '工作人员模式' }).count()).toBe(0);
  });

  it('opens by holding the title 3 s; the PIN unlocks; the application is listed, opened and reprinted', async () => {
    await holdTitle(3300);
    await unlockStaff();
    expect(await runAxe(page)).toEqual([]);
    const item = page.getByRole('button', { name: new RegExp(receiptNo) });
    await expect.poll(() => item.textContent()).toContain('优先');
    await item.click();
    await page.getByRole('heading', { name: `申请 ${receiptNo}` }).waitFor();
    expect(await page.getByText(NAME).count()).toBeGreaterThan(0);
    expect(await runAxe(page)).toEqual([]);
    const spool = path.join(host.dataDir, 'print');
    const before = fs.existsSync(spool) ? fs.readdirSync(spool).length : 0;
    await page.getByRole('button', { name: '打印申请表' }).click();
    await page.locator('.staff-message', { hasText: '已发送到打印机。' }).waitFor();
    const files = fs.readdirSync(spool).filter((f) => f.endsWith('.pdf'));
    expect(files.length).toBe(before + 1);
    const newest = files
      .map((f) => path.join(spool, f))
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0]!;
    const text = await pdfText(fs.readFileSync(newest), hubDir);
    expect(text).toContain(NAME);
    expect(text).toContain(receiptNo);
  });

  it('leaving staff mode returns to a fresh visitor session with nothing of it on screen', async () => {
    await page.getByRole('button', { name: '退出工作人员模式' }).click();
    await page.getByRole('heading', { name: '请选择服务' }).waitFor();
    const shown = (await page.locator('body').textContent()) ?? '';
    expect(shown).not.toContain(NAME);
    expect(shown).not.toContain(receiptNo);
    expect(await page.content()).not.toContain(uuid);
    expect(await page.evaluate(() => window.__kioskDebug?.store.getState().mode ?? 'visitor')).toBe(
      'visitor',
    );
    expect(await rpc('staff.status', {})).toEqual({ unlocked: false, configured: true });
    expect(await rpc('staff.list_submissions', { days: 7 })).toEqual({ ok: false, reason: 'locked' });
  });
});

describe('desk page on the hub (Chromium)', () => {
  let desk: Page;

  it('lists the submission, is axe-clean, prints the application as a PDF with the answers', async () => {
    await expect
      .poll(async () => (await store.listSubmissions({ since: 0, limit: 10 })).length, { timeout: 30_000 })
      .toBe(1);
    desk = await browser.newPage();
    await desk.setExtraHTTPHeaders({ authorization: `Bearer ${staffToken}` });
    await desk.goto(`${hub.url}/desk`);
    await desk.getByRole('heading', { name: '前台工作台' }).waitFor();
    expect(await runAxe(desk)).toEqual([]);
    await desk.getByLabel('优先').selectOption('yes');
    await desk.getByRole('button', { name: '筛选' }).click();
    await desk.getByRole('link', { name: receiptNo }).click();
    await desk.getByRole('heading', { name: new RegExp(receiptNo) }).waitFor();
    expect(await desk.getByText(NAME).count()).toBeGreaterThan(0);
    expect(await runAxe(desk)).toEqual([]);
    const href = await desk.getByRole('link', { name: '打印申请表（PDF）' }).getAttribute('href');
    const pdf = await desk.request.get(`${hub.url}${href}`, {
      headers: { authorization: `Bearer ${staffToken}` },
    });
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = await pdfText(Buffer.from(await pdf.body()), hubDir);
    expect(text).toContain(NAME);
  });

  it('mark handled reaches the kiosk staff view after a sync', async () => {
    await desk.getByRole('button', { name: '标记为已处理' }).click();
    await desk.getByText(/^已于 .* 处理$/).waitFor();
    expect(await desk.getByRole('button', { name: '标记为已处理' }).count()).toBe(0);
    await page.keyboard.press('F10');
    await page.keyboard.press('F12');
    await page.keyboard.press('F10');
    await page.keyboard.press('F12');
    await unlockStaff();
    const item = page.getByRole('button', { name: new RegExp(receiptNo) });
    await expect.poll(() => item.textContent()).toMatch(/已于 .* 处理/);
    await page.getByRole('button', { name: '退出工作人员模式' }).click();
    await page.getByRole('heading', { name: '请选择服务' }).waitFor();
  });
});
