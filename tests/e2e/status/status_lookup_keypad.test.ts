import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubServer, listenHub, type RunningHub } from '../../../hub/hub_server';
import type { HubStore } from '../../../hub/storage/hub_store';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { createLogger } from '../../../node_shared/logger';
import { placeCard, SAMPLE_CARDS } from '../../../scripts/idcard/sample_cards';
import { publishLegalAid, token } from '../../integration/staff/desk_support';
import { STAFF_PIN, type StaffCore, startStaffCore } from '../../integration/staff/staff_support';
import { openKiosk, speechLog, turnSpeechOn, writeTestConfig } from '../a11y/kiosk_page';
import { keypadKeys, keypadPress } from '../forms/keypad';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';

const run = promisify(execFile);
const CENTRE = 'baotou-city-centre';
// The fictitious applicant of tests/integration/forms/support.ts: resident ID …070025.
const FACTOR = '070025';

let store: HubStore;
let hub: RunningHub;
let filing: StaffCore;
let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;
let receiptNo: string;
const cards = fs.mkdtempSync(path.join(os.tmpdir(), 'status-e2e-cards-'));
/** A made-up card of the fictitious applicant, for the simulated reader. */
const APPLICANT_CARD = {
  ...SAMPLE_CARDS.sample,
  sexCode: '2',
  birth: '19900307',
  idNumber: '150203199003070025',
};

/** The on-screen key names that type a receipt number: capitals and digits by face, "-" by its name. */
const receiptKeys = (receipt: string) => [...receipt].map((ch) => (ch === '-' ? '短横线' : ch));

const spokenSince = async (from: number) =>
  (await speechLog(page))
    .slice(from)
    .map((entry) => entry.text)
    .join('|');

beforeAll(async () => {
  store = openSqliteHubStore(fs.mkdtempSync(path.join(os.tmpdir(), 'status-e2e-hub-')));
  await publishLegalAid(store);
  hub = await listenHub(createHubServer({ store, logger: createLogger(() => {}) }), 0);
  // Filed at another kiosk of the centre, sent to the hub, then set by the desk.
  filing = startStaffCore({
    terminalId: 'filing-kiosk',
    hubUrl: hub.url,
    hubToken: await token(store, 'terminal', CENTRE, 'filing-kiosk'),
  });
  const uuid = await filing.visitorSubmits();
  await filing.call('staff.unlock', { pin: STAFF_PIN });
  expect(await filing.call('staff.send_now', {})).toMatchObject({ ok: true, pending: 0 });
  const list = await filing.call('staff.list_submissions', { days: 7 });
  if (!list.ok) throw new Error('staff locked');
  receiptNo = list.items[0]!.receiptNo;
  const set = await fetch(`${hub.url}/api/v1/status/${uuid}`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${await token(store, 'staff', CENTRE)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      state: 'documents_needed',
      note: '周一至周五上午到窗口。',
      details: { documents: '劳动合同复印件' },
    }),
  });
  expect(set.status).toBe(200);

  const configPath = writeTestConfig({
    hubUrl: hub.url,
    hubToken: await token(store, 'terminal', CENTRE, 'sample-kiosk-01'),
    idCardReader: {
      adapter: 'simulated',
      folder: cards,
      location: { 'zh-CN': '屏幕右下方的读卡区', en: 'the card area below the screen, on the right' },
    },
  });
  host = await startDevHost({ configPath, trustedHubs: [hub.url] });
  browser = await launchChromium();
  page = await browser.newPage();
  await openKiosk(page, host);
  await turnSpeechOn(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  filing?.close();
  await hub?.close();
  await store?.close();
});

describe('"查询进度" at a kiosk other than the one that filed, keypad only', () => {
  it('types the receipt on the letter keys and the six on the number pad; hears the progress', async () => {
    await keypadPress(page, page.getByRole('button', { name: /查询进度/ }));
    await page.getByRole('heading', { name: '查询进度', level: 2 }).waitFor();
    await page.getByRole('group', { name: '字母和数字键盘' }).waitFor();
    expect(await runAxe(page)).toEqual([]);

    const before = (await speechLog(page)).length;
    await keypadKeys(page, receiptKeys(receiptNo));
    expect(await page.getByRole('textbox', { name: '回执号' }).inputValue()).toBe(receiptNo);
    await keypadKeys(page, ['完成']);
    // on to the six, on the number pad
    await page.getByRole('group', { name: '字母和数字键盘' }).waitFor({ state: 'detached' });
    await keypadKeys(page, [...FACTOR]);
    await keypadKeys(page, ['完成']);

    const heading = page.getByRole('heading', { name: '申请进度' });
    await heading.waitFor();
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    for (const line of [
      '需要补充材料',
      '需要补充的材料：劳动合同复印件',
      '工作人员留言：周一至周五上午到窗口。',
    ])
      await page.getByText(line).first().waitFor();
    await expect
      .poll(() => spokenSince(before), { timeout: 10_000 })
      .toContain('请带上下面的材料到中心窗口递交');
    const spoken = await spokenSince(before);
    expect(spoken).toContain('需要补充材料');
    expect(spoken).toContain('劳动合同复印件');
    // the six are personal: never spoken back
    expect(spoken).not.toContain(FACTOR);
    expect(spoken).not.toMatch(/0\s*7\s*0\s*0\s*2\s*5/);
    expect(await runAxe(page)).toEqual([]);
  });

  it('prints the progress slip; the PDF says what the screen said and nothing personal', async () => {
    await keypadPress(page, page.getByRole('button', { name: '打印进度单' }));
    await page.getByText('进度单已打印，请从出纸口取走。').first().waitFor({ timeout: 30_000 });
    const spool = path.join(host.dataDir, 'print');
    const pdfs = fs.readdirSync(spool).filter((file) => file.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    const { stdout } = await run('pdftotext', [path.join(spool, pdfs[0]!), '-']);
    const printed = stdout.replace(/\s+/g, '');
    for (const line of [
      '申请进度',
      `回执号${receiptNo}的进度：`,
      '需要补充材料',
      '需要补充的材料：劳动合同复印件',
      '工作人员留言：周一至周五上午到窗口。',
      '查询进度：在全市任一自助终端首页选',
    ])
      expect(printed).toContain(line);
    for (const personal of ['张示例', '150203199003070025', '13800000000', FACTOR])
      expect(printed).not.toContain(personal);
  });

  it('the ID card instead of the six: the core reads it, the page never gets the number', async () => {
    await keypadPress(page, page.getByRole('button', { name: '再查一份' }));
    await keypadKeys(page, receiptKeys(receiptNo));
    await keypadPress(page, page.getByRole('button', { name: '用身份证代替后六位' }));
    await page.getByText('请把身份证放在读卡器上。读卡器位置：屏幕右下方的读卡区。').first().waitFor();
    expect(await runAxe(page)).toEqual([]);
    const before = (await speechLog(page)).length;
    placeCard(cards, APPLICANT_CARD);
    await page.getByRole('heading', { name: '申请进度' }).waitFor();
    await page.getByText('需要补充材料', { exact: true }).waitFor();
    await expect.poll(() => spokenSince(before)).toContain('需要补充材料');
    expect(await page.getByRole('textbox', { name: '身份证号码后六位' }).count()).toBe(0);
    expect(await page.evaluate(() => document.body.textContent)).not.toContain(FACTOR);
  });
});
