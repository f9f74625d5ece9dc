import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhFormsUi from '../../../assets/locales/zh-CN/forms_ui.json';
import { openKiosk, speechLog } from '../a11y/kiosk_page';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';
import { APPLICANT, readDraftAnswers } from './form_data';
import { keypadApplyForSelf, keypadPress } from './keypad';

/**
 * Issue 18 item 2: the dev host (the core) is killed and restarted under a page that stays open. A press
 * while it is down says the catalog's "could not save" (shown and spoken); after the restart the same page
 * carries on by itself.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-core-restart-'));
let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;

const heading = (text: string | RegExp) => page.locator('#screen-heading', { hasText: text }).waitFor();
const button = (name: string) => page.getByRole('button', { name, exact: true });
const SAVE_FAILED = zhFormsUi.step.save_failed;

beforeAll(async () => {
  host = await startDevHost({ dataDir });
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('the core killed and restarted under an open page', () => {
  it('a press while the core is down is answered, shown and spoken; after the restart the page carries on', async () => {
    const unhandled: string[] = [];
    page.on('pageerror', (error) => unhandled.push(error.message));
    await openKiosk(page, host);
    await page.keyboard.press('F3');
    await keypadPress(page, page.getByRole('button', { name: /申请法律援助/ }));
    await heading('法律援助申请');
    await keypadPress(page, button('开始填写'));
    await keypadApplyForSelf(page);
    await heading(/姓名/);
    await page.getByRole('textbox', { name: '姓名' }).fill(APPLICANT.name);
    await keypadPress(page, button('下一步'));
    await heading(/性别/);

    const port = host.port;
    expect(await host.stop('SIGKILL')).toBeNull();
    await keypadPress(page, page.getByRole('radio', { name: '男' }));
    const before = (await speechLog(page)).length;
    await keypadPress(page, button('下一步'));
    await page.getByText(SAVE_FAILED).first().waitFor();
    await page.waitForFunction(
      ({ n, text }) =>
        window
          .__kioskDebug!.speechLog()
          .slice(n)
          .some((e) => e.text.includes(text)),
      { n: before, text: SAVE_FAILED },
    );

    host = await startDevHost({ dataDir, env: { KIOSK_PORT: String(port) } });
    await keypadPress(page, button('下一步'));
    await heading(/出生日期/);
    expect(await page.locator('.error-summary').count()).toBe(0);
    expect(readDraftAnswers(dataDir)[0]).toMatchObject({ full_name: APPLICANT.name, sex: 'male' });
    expect(unhandled).toEqual([]);
  });
});

describe('the page reloaded under an open session (Electron reloads a crashed renderer)', () => {
  it('carries on at the step the visitor was on, with the answers given; a new session starts at home', async () => {
    await page.reload();
    await page.waitForFunction(() => window.__kioskDebug !== undefined);
    // the visitor was on the birth-date step of the draft above
    await heading(/出生日期/);
    const state = await page.evaluate(() => window.__kioskDebug!.store.getState().screen);
    expect(state).toMatchObject({ name: 'form_step', stepId: 'birth_date' });
    await keypadPress(page, button('上一步'));
    await heading(/性别/);
    expect(await page.getByRole('radio', { name: '男' }).getAttribute('aria-checked')).toBe('true');

    // the visitor leaves: the session ends, the draft is wiped, a reload then starts at home
    await page.evaluate(() => window.__kioskDebug!.store.endSession());
    await heading('请选择服务');
    await page.reload();
    await page.waitForFunction(() => window.__kioskDebug !== undefined);
    await heading('请选择服务');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.__kioskDebug!.store.getState().screen.name)).toBe('home');
  });
});
