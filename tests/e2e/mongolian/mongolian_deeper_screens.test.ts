import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navigate, openKiosk, PORTRAIT, setSettings } from '../a11y/kiosk_page';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';
import { checkMongolianScreen } from './mongolian_checks';

let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  host = await startDevHost();
  browser = await launchChromium([], PORTRAIT);
  page = await browser.newPage();
  await openKiosk(page, host);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const screenName = () => page.evaluate(() => window.__kioskDebug!.store.getState().screen.name);

const check = (where: string, failures: string[]) => checkMongolianScreen(page, where, failures);

describe('Mongolian screens reached by pressing controls (XL, portrait)', () => {
  it('forms menu, staff PIN gate, legal-aid guide, a knowledge article, an institution, a kept draft: vertical, whole, axe clean', async () => {
    const failures: string[] = [];
    const visit = async (screen: Parameters<typeof navigate>[1], press?: string) => {
      await navigate(page, screen);
      await setSettings(page, { language: 'mn-Mong-CN', textSize: 'XL' });
      if (press) {
        const before = await screenName();
        await page.locator(press).first().click();
        await page.waitForFunction(
          (name) => window.__kioskDebug!.store.getState().screen.name !== name,
          before,
        );
        await page.locator('#screen-heading').waitFor();
      }
      await check(`${await screenName()}`, failures);
    };
    await visit({ name: 'forms_menu' });
    await visit({ name: 'staff' });
    await visit({ name: 'legal_aid_guide' });
    await visit({ name: 'legal_knowledge' }, 'main .article-list button, main li button');
    await visit({ name: 'directory' }, 'main .directory-results button, main li button');
    await visit({ name: 'form_start', templateId: 'legal_aid_application' }, 'main .kiosk-button--primary');
    // on the first step: keep the draft for later (the kept-draft screen with its code)
    await page.locator('main .kiosk-button').filter({ hasText: 'ᠨᠠᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ' }).first().click();
    await page.waitForFunction(() => window.__kioskDebug!.store.getState().screen.name === 'form_kept');
    await check('form_kept', failures);
    expect(failures).toEqual([]);
  });
});
