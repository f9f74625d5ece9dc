import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navigate, openKiosk, PORTRAIT, setSettings, sweepBoxes } from '../a11y/kiosk_page';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';
import { horizontalMongolian, mongolianRuns, overflowOnly } from './mongolian_checks';

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

/** The Mongolian checks of the screen sweep, on a screen reached by pressing its controls. */
async function check(where: string, failures: string[]): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  for (const run of await mongolianRuns(page)) {
    if (run.writingMode !== 'vertical-lr') failures.push(`${where}: "${run.text}" is ${run.writingMode}`);
    if (run.clipped) failures.push(`${where}: "${run.text}" is clipped ${run.clipped}`);
  }
  for (const run of await horizontalMongolian(page)) failures.push(`${where}: sideways ${run}`);
  for (const p of overflowOnly(await sweepBoxes(page))) failures.push(`${where}: ${p.what} ${p.problem}`);
  if (/[\u0400-\u04ff]/.test(await page.evaluate(() => document.body.textContent ?? '')))
    failures.push(`${where}: Cyrillic`);
  for (const v of await runAxe(page)) failures.push(`${where}: axe ${v.id} ${v.targets.join(', ')}`);
}

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
