import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../../../core/pins/pin_hash';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { PROJECT_ROOT, type RunningDevHost, startDevHost } from '../support/dev_host';

const PIN = '802614';
let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;
let hub: http.Server;
let configPath: string;
let usb: string;

beforeAll(async () => {
  // A stand-in hub health endpoint whose clock runs 90 s ahead.
  hub = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        service: 'baotou-kiosk-hub',
        hubId: 'hub-e2e',
        protocol: 1,
        time: new Date(Date.now() + 90_000).toISOString(),
      }),
    );
  });
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'technician-e2e-'));
  usb = fs.mkdtempSync(path.join(os.tmpdir(), 'usb-'));
  configPath = path.join(dir, 'kiosk.json');
  const sample = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'assets/config.sample.json'), 'utf8'));
  fs.writeFileSync(
    configPath,
    JSON.stringify(
      {
        ...sample,
        hubUrl: `http://127.0.0.1:${(hub.address() as AddressInfo).port}`,
        technicianPinHash: hashPin(PIN),
      },
      null,
      2,
    ),
  );
  host = await startDevHost({
    configPath,
    env: { KIOSK_FAKE_DEVICES: '1', KIOSK_SPEECH_PRERENDER: '0' },
    trustedHubs: [`http://127.0.0.1:${(hub.address() as AddressInfo).port}`],
  });
  // Chromium's synthetic camera (640x480 or more, moving picture) and microphone (a beep), no prompt.
  browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
  page = await browser.newPage();
  // Keeps every stream the page opens, so the test can see whether its tracks were stopped.
  await page.addInitScript(() => {
    const opened: MediaStream[] = [];
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      opened.push(stream);
      return stream;
    };
    Object.assign(window, {
      openedTrackStates: () => opened.flatMap((s) => s.getTracks().map((t) => t.readyState)),
    });
  });
  await page.goto(host.url);
  await page.getByRole('heading', { name: '请选择服务' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  hub?.close();
});

const check = (name: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`^${name}`) }) });

describe('technician mode in Chromium (dev host, fake devices)', () => {
  it('is hidden: nothing on the home screen leads there, a short press on the centre name does nothing', async () => {
    expect(await page.getByText('技术维护').count()).toBe(0);
    await page.locator('.app-subtitle').click();
    expect(await page.getByRole('heading', { name: '技术维护' }).count()).toBe(0);
  });

  it('opens by holding the centre name for 5 seconds and asks for the technician PIN', async () => {
    const box = (await page.locator('.app-subtitle').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.waitForTimeout(5300);
    await page.mouse.up();
    await page.getByRole('heading', { name: '技术维护' }).waitFor();
    await page.getByRole('button', { name: '退出技术维护' }).click();
    await page.getByRole('heading', { name: '请选择服务' }).waitFor();
  });

  it('opens with the key sequence F9 F9 F10 F10; a wrong PIN is refused with the tries left', async () => {
    for (const key of ['F9', 'F9', 'F10', 'F10']) await page.keyboard.press(key);
    await page.getByRole('heading', { name: '技术维护' }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.getByLabel('技术维护密码').fill('111111');
    await page.getByRole('button', { name: '进入' }).click();
    await page.getByText('密码不对，还可以再试 4 次。').first().waitFor();
  });

  it('runs every diagnostic with live results after the right PIN', async () => {
    await page.getByLabel('技术维护密码').fill(PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '诊断结果' }).waitFor();
    // The stand-in hub's clock is 90 s ahead: reachable, but flagged as a problem (more than 60 s).
    await check('中心服务器: 有问题').waitFor();
    expect(await check('中心服务器').textContent()).toMatch(/已连接 hub-e2e/);
    expect(await check('中心服务器').textContent()).toMatch(/时钟相差 (89|90|91) 秒/);
    await check('数据同步: 正常').waitFor();
    expect(await check('数据同步').textContent()).toContain('待发送 0');
    await check('打印机: 正常').waitFor();
    expect(await check('打印机').textContent()).toContain('Front desk A4：正常（默认）');
    expect(await check('打印机').textContent()).toContain('Receipt 80mm：离线');
    // The real speech engine of this machine (fakes cover printers, camera and microphone only).
    await check('语音: (正常|有问题)').waitFor();
    // The real getUserMedia test: the decoded picture is at least 640x480 and frames arrive (fps > 0);
    // the synthetic microphone's beep passes the level threshold.
    await check('摄像头: 正常').waitFor();
    const picture = /画面 (\d+)×(\d+)，每秒 (\d+) 帧/.exec((await check('摄像头').textContent()) ?? '');
    expect(picture, 'camera picture line').not.toBeNull();
    expect(Number(picture![1])).toBeGreaterThanOrEqual(640);
    expect(Number(picture![2])).toBeGreaterThanOrEqual(480);
    expect(Number(picture![3])).toBeGreaterThan(0);
    expect(await page.getByLabel('摄像头画面').isVisible()).toBe(true);
    await check('麦克风: 正常').waitFor();
    expect(await check('麦克风').textContent()).toContain('听到声音了。');
    await check('软件与磁盘').waitFor();
    expect(await check('软件与磁盘').textContent()).toMatch(/软件版本 \d+\.\d+\.\d+，数据库版本 \d+/);
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: '打印测试页：Front desk A4' }).click();
    await page.getByText('测试页已发送到 Front desk A4。').first().waitFor();
    await page.getByRole('button', { name: '打印测试页：Receipt 80mm' }).click();
    await page.getByText('Receipt 80mm 没有打印：打印机离线').first().waitFor();
  });

  it('tests camera and microphone again on "Check again" and stops every track when the panel is left', async () => {
    const trackStates = () =>
      page.evaluate(() => (window as unknown as { openedTrackStates(): string[] }).openedTrackStates());
    await page.getByRole('button', { name: '重新检查' }).click();
    await check('摄像头: 正常').waitFor();
    await page.getByRole('meter', { name: '麦克风音量' }).waitFor();
    const states = await trackStates();
    // The first run (ended by its timer or by the rerun) and the live second run: video + audio each.
    expect(states.length).toBeGreaterThanOrEqual(4);
    expect(states.slice(-2)).toEqual(['live', 'live']);
    await page.getByRole('button', { name: '配置' }).click();
    await page.getByRole('heading', { name: '配置' }).waitFor();
    await expect.poll(trackStates).toEqual(states.map(() => 'ended'));
    await page.getByRole('button', { name: '诊断' }).click();
    await check('摄像头: 正常').waitFor();
  });

  it('shows the configuration without secrets and refuses a bad edit naming the field, file unchanged', async () => {
    await page.getByRole('button', { name: '配置' }).click();
    await page.getByRole('heading', { name: '配置' }).waitFor();
    expect(await page.locator('.technician-config').textContent()).not.toContain('scrypt');
    const before = fs.readFileSync(configPath);
    await page.getByRole('button', { name: /^更多/ }).click();
    await page.getByRole('radio', { name: 'session.idleSeconds' }).click();
    await page.getByLabel('新值').fill('$(reboot)');
    await page.getByRole('button', { name: '检查并保存' }).click();
    await page
      .getByText(/session\.idleSeconds 没有保存/)
      .first()
      .waitFor();
    expect(fs.readFileSync(configPath).equals(before)).toBe(true);
    expect(await runAxe(page)).toEqual([]);
    await page.getByLabel('新值').fill('180');
    await page.getByRole('button', { name: '检查并保存' }).click();
    await page.getByText('session.idleSeconds 已保存，重启后生效。').first().waitFor();
    expect(JSON.parse(fs.readFileSync(configPath, 'utf8')).session.idleSeconds).toBe(180);
  });

  it('exports logs to a folder and requests a restart', async () => {
    await page.getByRole('button', { name: '日志与重启' }).click();
    await page.getByLabel('导出到文件夹').fill('relative/folder');
    await page.getByRole('button', { name: '导出日志' }).click();
    await page.getByText('请填写完整路径。').first().waitFor();
    await page.getByLabel('导出到文件夹').fill(usb);
    await page.getByRole('button', { name: '导出日志' }).click();
    await page
      .getByText(/已导出 2 个文件到/)
      .first()
      .waitFor();
    const [exported] = fs.readdirSync(usb);
    expect(exported).toMatch(/^kiosk-logs-sample-kiosk-01-\d{8}T\d{6}$/);
    expect(fs.readdirSync(path.join(usb, exported!)).sort()).toEqual(['audit.jsonl', 'diagnostics.json']);
    expect(fs.readFileSync(path.join(usb, exported!, 'audit.jsonl'), 'utf8')).toContain(
      'technician.config_edit',
    );
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: '重启终端软件' }).click();
    await page.getByText('正在重启。').first().waitFor();
  });

  it('asks for the PIN again after the technician left', async () => {
    await page.getByRole('button', { name: '退出技术维护' }).click();
    await page.getByRole('heading', { name: '请选择服务' }).waitFor();
    for (const key of ['F9', 'F9', 'F10', 'F10']) await page.keyboard.press(key);
    await page.getByLabel('技术维护密码').waitFor();
  });
});
