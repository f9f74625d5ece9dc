import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../core/config/load_config';
import { createEnrollmentCode } from '../../../hub/enrollment/create_code';
import { createHubServer, listenHub, type RunningHub } from '../../../hub/hub_server';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { createLogger } from '../../../node_shared/logger';
import { testPki } from '../../support/test_pki';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { PROJECT_ROOT, type RunningDevHost, startDevHost } from '../support/dev_host';

let hub: RunningHub;
let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;
let configPath: string;
let code: string;

beforeAll(async () => {
  const hubDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provision-e2e-hub-'));
  const store = openSqliteHubStore(hubDir);
  // The centre's hub over TLS with the test CA's certificate; the dev host's profile pins that CA.
  hub = await listenHub(
    createHubServer({ store, dataDir: hubDir, logger: createLogger(() => {}), tls: testPki().server }),
    0,
  );
  const {
    terminalId: _t,
    hubUrl: _u,
    hubToken: _k,
    ...template
  } = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'assets/config.sample.json'), 'utf8'));
  const created = await createEnrollmentCode(store, { terminalId: 'kiosk-e2e-new', template }, new Date());
  if (!created.ok) throw new Error(created.error.field);
  code = created.value.code;
  // A brand-new terminal: no provisioning file yet.
  configPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'provision-e2e-kiosk-')), 'kiosk-config.json');
  host = await startDevHost({
    configPath,
    env: { KIOSK_FAKE_DEVICES: '1', KIOSK_SPEECH_PRERENDER: '0' },
    trustedHubs: [hub.url],
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(host.url);
  await page.getByRole('heading', { name: '本机尚未配置' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await hub?.close();
});

const status = () => page.getByRole('status').filter({ hasText: /./ }).first();

/**
 * Keypad only: presses arrow keys until `target` has focus, choosing each press from where focus is now
 * (inside a key grid: up/down to the target's row, then left/right; elsewhere: on in reading order).
 */
async function arrowTo(target: Locator): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    const key = await target.evaluate((element) => {
      const focused = document.activeElement;
      if (focused === element) return null;
      const grid = element.closest('fieldset');
      if (focused && grid?.contains(focused)) {
        const from = focused.parentElement!;
        const to = element.parentElement!;
        if (from !== to) {
          return from.compareDocumentPosition(to) & Node.DOCUMENT_POSITION_FOLLOWING
            ? 'ArrowDown'
            : 'ArrowUp';
        }
        return focused.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING
          ? 'ArrowRight'
          : 'ArrowLeft';
      }
      const before = focused && focused !== document.body;
      return before && focused.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING
        ? 'ArrowUp'
        : 'ArrowDown';
    });
    if (key === null) return;
    await page.keyboard.press(key);
  }
  throw new Error('arrow keys did not reach the key');
}

/** Keypad only: moves to each key in turn and presses Enter on it. */
async function pressKeys(keyboard: Locator, names: string[]): Promise<void> {
  for (const name of names) {
    await arrowTo(keyboard.getByRole('button', { name, exact: true }));
    await page.keyboard.press('Enter');
  }
}

describe('a new terminal sets itself up with its profile hub and an enrollment code (Chromium, dev host)', () => {
  it('offers only the hub of the profile, accessible, and names the wrong code', async () => {
    await page.getByRole('heading', { name: '用登记码设置这台终端' }).waitFor();
    // No address to type: the hub comes from the organisation profile shipped with the build.
    await page.getByText(`中心服务器： ${hub.url}`).waitFor();
    expect(await page.getByLabel('中心服务器地址').count()).toBe(0);
    expect(await runAxe(page)).toEqual([]);
    await page.getByLabel('登记码', { exact: true }).fill('1111-2222-3333');
    await page.getByRole('button', { name: '设置' }).click();
    await page.getByText('中心服务器不认识这个登记码，请核对数字。').first().waitFor();
    expect(fs.existsSync(configPath)).toBe(false);
    expect(await runAxe(page)).toEqual([]);
  });

  it('sets up with the keypad alone (arrows and Enter on the number pad), writes a valid file, says it restarts', async () => {
    // Start over with an empty field and focus on nothing, as a technician with only the keypad finds it.
    await page.reload();
    await page.getByRole('heading', { name: '用登记码设置这台终端' }).waitFor();
    const numberPad = page.getByRole('group', { name: '数字键盘' });
    await pressKeys(numberPad, [...code.replace(/\D/g, '')]);
    expect(await page.getByLabel('登记码', { exact: true }).inputValue()).toBe(code.replace(/\D/g, ''));
    expect(await runAxe(page)).toEqual([]);
    // "Done" on the number pad sets the terminal up, over the pinned TLS connection.
    await pressKeys(numberPad, ['完成']);
    await page.getByText('已设置为终端 kiosk-e2e-new，软件正在重新启动。').waitFor();
    const written = parseConfig(fs.readFileSync(configPath, 'utf8'));
    expect(written.ok && written.value.terminalId).toBe('kiosk-e2e-new');
    expect(written.ok && written.value.hubUrl).toBe(hub.url);
    expect(written.ok && written.value.hubToken).toMatch(/^kh1\./);
    // The token is never shown on the screen.
    expect(await page.locator('body').textContent()).not.toContain(written.ok ? written.value.hubToken : '');
    expect(await status().textContent()).toContain('kiosk-e2e-new');
  });

  it('refuses the same code a second time', async () => {
    await page.getByRole('button', { name: '设置' }).click();
    await page.getByText('这个登记码已经用过了，请向管理员要新的。').first().waitFor();
  });
});
