import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import content from '../../../assets/content/baotou_content.json';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';

const run = promisify(execFile);
let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  host = await startDevHost();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${host.origin}/?e2e#token=${host.token}`);
  await page.getByRole('heading', { name: '请选择服务' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const spoolDir = () => path.join(host.dataDir, 'print');
const spooled = () =>
  fs.existsSync(spoolDir()) ? fs.readdirSync(spoolDir()).filter((f) => f.endsWith('.pdf')) : [];

/** The text of the one PDF the dev host's printer spooled since `before` (whitespace collapsed). */
async function printedSince(before: string[]): Promise<string> {
  const added = spooled().filter((file) => !before.includes(file));
  expect(added).toHaveLength(1);
  const { stdout } = await run('pdftotext', [path.join(spoolDir(), added[0]!), '-']);
  return stdout.replace(/\s+/g, '');
}

async function next() {
  await page.getByRole('button', { name: '下一步' }).click();
}

async function keys(digits: string) {
  for (const key of digits)
    await page.getByRole('button', { name: key === '.' ? /小数点/ : key, exact: key !== '.' }).click();
}

describe('printing the fee result and the legal-aid checklist in Chromium (dev host printer)', () => {
  it('a severely disabled heir with a 301.01-yuan fee: the printout holds the rule and what the core computed', async () => {
    await page.getByRole('button', { name: /公证与费用减免/ }).click();
    await page.getByRole('heading', { name: '您要办理什么公证？' }).waitFor();
    await page.getByRole('radio', { name: '继承公证' }).click();
    await next();
    await page.getByRole('heading', { name: '您的残疾人证上是几级？' }).waitFor();
    await page.getByRole('radio', { name: '一级' }).click();
    await next();
    await page.getByRole('heading', { name: '要继承的遗产一共值多少元？' }).waitFor();
    await keys('9000');
    await next();
    await page.getByRole('heading', { name: '您是否符合法律援助条件？' }).waitFor();
    await page.getByRole('radio', { name: '否' }).click();
    await next();
    await page.getByRole('heading', { name: '公证处告诉您的收费标准是多少元？' }).waitFor();
    await keys('301.01');
    await next();
    await page.getByRole('heading', { name: '计算结果' }).waitFor();
    await expect(page.getByTestId('fee-headline').textContent()).resolves.toBe('最多缴纳：150.50 元');

    const before = spooled();
    await page.getByRole('button', { name: '打印计算结果' }).click();
    await page.locator('.print-outcome--done', { hasText: '计算结果已打印，请从出纸口取走。' }).waitFor();
    const text = await printedSince(before);
    expect(text).toContain('重度残疾人办理民生基本公证事项，减免不低于50%');
    expect(text).toContain('最多缴纳150.50元');
    expect(text).toContain('标准收费301.01元');
    expect(text).toContain('50%(150.51元)');
    expect(await runAxe(page)).toEqual([]);
  });

  it('the legal-aid guide prints its checklist; the guide and the application lead to each other', async () => {
    await page.getByRole('button', { name: '回到首页' }).click();
    await page
      .getByRole('button', { name: /法律援助/ })
      .first()
      .click();
    await page.getByRole('button', { name: '先看法律援助指南（谁能申请、要带什么）' }).click();
    await page.getByRole('heading', { name: '法律援助指南', level: 2 }).waitFor();
    const before = spooled();
    await page.getByRole('button', { name: '打印材料清单' }).click();
    await page.locator('.print-outcome--done', { hasText: '材料清单已打印，请从出纸口取走。' }).waitFor();
    const text = await printedSince(before);
    expect(text).toContain('申请法律援助需要带的材料');
    for (const item of content.guide.checklist)
      expect(text).toContain(item.text['zh-CN'].replace(/\s+/g, ''));
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: '申请法律援助' }).click();
    await page.getByRole('button', { name: '先看法律援助指南（谁能申请、要带什么）' }).waitFor();
  });
});
