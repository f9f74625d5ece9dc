import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processesWithEnv } from '../support/test_processes';
import { runAxe } from './support/axe';
import { launchChromium } from './support/browser';
import { startDevHost } from './support/dev_host';

let browser: BrowserContext;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-np-'));

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function screenFor(configText: string | null) {
  const configPath = path.join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  if (configText !== null) fs.writeFileSync(configPath, configText);
  const host = await startDevHost({ configPath });
  const page = await browser.newPage();
  try {
    await page.goto(host.url);
    await page.getByRole('heading', { name: '本机尚未配置' }).waitFor();
    return { text: (await await page.locator('main').textContent()) ?? '', violations: await runAxe(page) };
  } finally {
    await page.close();
    await host.stop();
  }
}

describe('a terminal with a missing or bad provisioning file', () => {
  it('shows a staff-visible "not provisioned" screen naming the bad field, never a blank window', async () => {
    const sample = JSON.parse(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../assets/config.sample.json'), 'utf8'),
    );
    const result = await screenFor(JSON.stringify({ ...sample, platformLevel: 'province' }));
    expect(result.text).toContain('请联系工作人员');
    expect(result.text).toContain('platformLevel');
    expect(result.violations).toEqual([]);
  });

  it('says so when the file is missing or not JSON', async () => {
    expect((await screenFor(null)).text).toContain('does not exist');
    expect((await screenFor('{ not json')).text).toContain('not valid JSON');
  });
});

describe('dev host lifecycle', () => {
  it('stops cleanly on SIGINT and on SIGTERM', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const host = await startDevHost();
      expect(await host.stop(signal)).toBe(0);
    }
  });

  it('leaves no process behind when killed outright (SIGKILL, as the power-cut tests do)', async () => {
    const host = await startDevHost();
    expect(await host.stop('SIGKILL')).toBeNull();
    // Every process of that dev host (and any Chromium it started) carries its data folder in its environment.
    expect(processesWithEnv(`KIOSK_DATA_DIR=${host.dataDir}`)).toEqual([]);
    const refused = await fetch(`${host.origin}/`).then(
      () => false,
      () => true,
    );
    expect(refused).toBe(true);
  });
});
