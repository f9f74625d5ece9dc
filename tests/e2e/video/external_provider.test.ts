import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAM_FILE_NAME } from '../../../core/video/technician_program_file';
import { openKiosk, writeTestConfig } from '../a11y/kiosk_page';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { PROJECT_ROOT, type RunningDevHost, startDevHost } from '../support/dev_host';

const FAKE_PROGRAM = path.join(PROJECT_ROOT, 'tests/fixtures/video/fake_video_program.mjs');
let browser: BrowserContext;
const hosts: RunningDevHost[] = [];

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  for (const host of hosts) await host.stop();
});

/**
 * A web service goes in the provisioning file; a program only in the technician's file beside it (issue 16:
 * nothing the network writes can name a program).
 */
async function callScreenWith(external: { kind: string } & Record<string, unknown>) {
  const program = external.kind === 'program';
  const configPath = writeTestConfig(program ? {} : { video: { external } });
  if (program)
    fs.writeFileSync(path.join(path.dirname(configPath), PROGRAM_FILE_NAME), JSON.stringify(external));
  const host = await startDevHost({ configPath });
  hosts.push(host);
  const page = await browser.newPage();
  await openKiosk(page, host);
  await page.evaluate(() => window.__kioskDebug!.store.navigate({ name: 'video_call' }));
  await page.getByRole('heading', { name: '视频通话：手语翻译、律师' }).waitFor();
  return page;
}

describe('the contracted video service in the dev host', () => {
  it('a web service: the dev host has no restricted view and says so, in words, behind the same button', async () => {
    const page = await callScreenWith({
      kind: 'url',
      url: 'https://video.example.org/room',
      name: '远程手语',
    });
    await page.getByRole('button', { name: '打开远程手语视频通话' }).click();
    await page
      .locator('.video-external__notice')
      .getByText('网页视频服务只能在自助机上打开，开发环境中打不开。')
      .waitFor();
    // Nothing was opened: no page shows the service, and the kiosk page stays where it was.
    expect(browser.pages().filter((open) => open.url().includes('video.example.org'))).toEqual([]);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await runAxe(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('a program: started with its configured arguments; "back to the kiosk" stops it and the button returns', async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'video-external-e2e-'));
    const record = path.join(scratch, 'received.json');
    const page = await callScreenWith({
      kind: 'program',
      path: process.execPath,
      args: [FAKE_PROGRAM, record, 'stay', '--room', '42'],
    });
    await page.getByRole('button', { name: '使用本中心签约的视频通话服务' }).click();
    const back = page.getByRole('button', { name: '结束并回到自助机' });
    await back.waitFor();
    await page
      .locator('.video-external__text')
      .getByText(/视频通话程序已经打开/)
      .waitFor();
    expect(await runAxe(page)).toEqual([]);
    await expect.poll(() => fs.existsSync(record)).toBe(true);
    const received = JSON.parse(fs.readFileSync(record, 'utf8')) as { args: string[]; pid: number };
    expect(received.args).toEqual([record, 'stay', '--room', '42']);

    await back.click();
    await page.getByRole('button', { name: '使用本中心签约的视频通话服务' }).waitFor();
    await expect
      .poll(() => {
        try {
          process.kill(received.pid, 0);
          return 'running';
        } catch {
          return 'stopped';
        }
      })
      .toBe('stopped');
    await page.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }, 60_000);
});
