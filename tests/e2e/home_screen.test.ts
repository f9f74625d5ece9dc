import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKiosk, speechLog } from './a11y/kiosk_page';
import { keypadFocus } from './forms/keypad';
import { runAxe } from './support/axe';
import { launchChromium } from './support/browser';
import { type RunningDevHost, startDevHost } from './support/dev_host';

let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  host = await startDevHost();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(host.url);
  await page.getByRole('heading', { name: '请选择服务' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('home screen in Chromium through the dev host', () => {
  it('shows every service as a large tile, in Chinese by default', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    for (const name of [
      '申请法律援助',
      '免费法律咨询',
      '公证与费用减免',
      '法律服务机构',
      '手语视频通话',
      '预约上门服务',
      '人民调解',
      '法律知识',
    ]) {
      const tile = page.getByRole('button', { name });
      const box = await tile.boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(60);
      expect(box?.height).toBeGreaterThanOrEqual(60);
    }
  });

  it('passes axe (WCAG A–AAA, 44 px targets) in every theme', async () => {
    const themes = ['标准', '黑底白字', '白底黑字'];
    for (const theme of themes) {
      const button = page.getByRole('button', { name: new RegExp(`对比度：${theme}`) });
      await expect(button.count()).resolves.toBe(1);
      const violations = await runAxe(page);
      expect(violations, `theme ${theme}`).toEqual([]);
      await button.click();
    }
  });

  it('switches to English and back, marking the page language', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Choose a service' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '请选择服务' }).waitFor();
  });

  it('opens the sign-language video call screen (no hub token: the callback offer) and returns home', async () => {
    await page.getByRole('button', { name: '手语视频通话' }).click();
    await page.getByRole('heading', { name: '视频通话：手语翻译、律师' }).waitFor();
    await page.getByRole('button', { name: '留下联系方式，请人回电' }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: '回到首页' }).click();
    await page.getByRole('heading', { name: '请选择服务' }).waitFor();
  });

  it('free consultation (employment, marriage and family, social security) is one keypad press from home, spoken', async () => {
    const kiosk = await browser.newPage();
    await openKiosk(kiosk, host);
    await kiosk.keyboard.press('F3'); // speech on
    await kiosk.waitForFunction(() => window.__kioskDebug!.store.getState().settings.speechOn);
    const before = (await speechLog(kiosk)).length;
    await keypadFocus(kiosk, kiosk.getByRole('button', { name: '免费法律咨询' }));
    const said = (await speechLog(kiosk)).slice(before).map((entry) => entry.text.replace(/\s+/g, ''));
    expect(said.join('|')).toContain('免费法律咨询');
    expect(said.join('|')).toContain('就业、婚姻家庭、社会保障');
    await kiosk.keyboard.press('Enter');
    await kiosk.getByRole('heading', { name: '法律咨询登记' }).waitFor();
    await kiosk.close();
  });

  it('people\u2019s mediation is one keypad press from home, its tile spoken with its hint', async () => {
    const kiosk = await browser.newPage();
    await openKiosk(kiosk, host);
    await kiosk.keyboard.press('F3'); // speech on
    await kiosk.waitForFunction(() => window.__kioskDebug!.store.getState().settings.speechOn);
    const before = (await speechLog(kiosk)).length;
    await keypadFocus(kiosk, kiosk.getByRole('button', { name: '人民调解' }));
    const said = (await speechLog(kiosk)).slice(before).map((entry) => entry.text.replace(/\s+/g, ''));
    expect(said.join('|')).toContain('人民调解');
    expect(said.join('|')).toContain('免费调解，双方自愿');
    await kiosk.keyboard.press('Enter');
    await kiosk.getByRole('heading', { name: '人民调解申请' }).waitFor();
    expect(await runAxe(kiosk)).toEqual([]);
    await kiosk.close();
  });

  it('sends the strict content security policy with the page', async () => {
    const response = await page.request.get(host.origin);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers()['content-security-policy']).toContain("object-src 'none'");
  });
});
