import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      '公证与费用减免',
      '法律服务机构',
      '手语视频通话',
      '预约上门服务',
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

  it('sends the strict content security policy with the page', async () => {
    const response = await page.request.get(host.origin);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers()['content-security-policy']).toContain("object-src 'none'");
  });
});
