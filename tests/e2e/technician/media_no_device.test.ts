import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../../../core/pins/pin_hash';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { PROJECT_ROOT, type RunningDevHost, startDevHost } from '../support/dev_host';

const PIN = '517302';
let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'technician-nodevice-'));
  const configPath = path.join(dir, 'kiosk.json');
  const sample = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'assets/config.sample.json'), 'utf8'));
  fs.writeFileSync(configPath, JSON.stringify({ ...sample, technicianPinHash: hashPin(PIN) }));
  host = await startDevHost({ configPath, env: { KIOSK_FAKE_DEVICES: '1', KIOSK_SPEECH_PRERENDER: '0' } });
  // No synthetic devices: this machine has no camera and no microphone. The permission prompt is accepted.
  browser = await launchChromium(['--use-fake-ui-for-media-stream']);
  page = await browser.newPage();
  await page.goto(host.url);
  // The first page load can take long while the whole suite loads both cores.
  await page.getByRole('heading', { name: '请选择服务' }).waitFor({ timeout: 90_000 });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const check = (name: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`^${name}`) }) });

describe('camera and microphone test on a terminal without devices (Chromium, dev host)', () => {
  it('says in words that no device was found, shows no picture or meter, and the page stays accessible', async () => {
    for (const key of ['F9', 'F9', 'F10', 'F10']) await page.keyboard.press(key);
    await page.getByLabel('技术维护密码').fill(PIN);
    await page.keyboard.press('Enter');
    await check('摄像头: 有问题').waitFor();
    await check('麦克风: 有问题').waitFor();
    expect(await check('摄像头').textContent()).toContain('没有找到设备，请检查连接线。');
    expect(await check('麦克风').textContent()).toContain('没有找到设备，请检查连接线。');
    expect(await page.getByLabel('摄像头画面').isVisible()).toBe(false);
    expect(await page.getByRole('meter').count()).toBe(0);
    expect(await runAxe(page)).toEqual([]);
  });
});
