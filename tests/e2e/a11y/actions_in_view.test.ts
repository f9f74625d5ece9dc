import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Screen } from '../../../renderer/state/screens';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';
import {
  actionsOutOfView,
  discoverScreens,
  LANDSCAPE,
  navigate,
  openKiosk,
  PORTRAIT,
  SIZES,
  setSettings,
} from './kiosk_page';

/**
 * Issue 18 item 6: on every screen, in both orientations and at every text size, the primary action and Back
 * are on screen without scrolling — also on a form step with the on-screen keyboard open.
 */
let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;
let screens: { label: string; screen: Screen }[];

beforeAll(async () => {
  host = await startDevHost();
  browser = await launchChromium([], LANDSCAPE);
  page = await browser.newPage();
  await openKiosk(page, host);
  screens = await discoverScreens(page);
  // The first legal-aid question (name, pinyin keyboard open), reached as a visitor does.
  await navigate(page, { name: 'form_start', templateId: 'legal_aid_application' });
  await page.getByRole('button', { name: '开始填写', exact: true }).click();
  // 1.3.0 first asks who applies; a visitor applying alone answers "for myself"
  await page.getByRole('radio', { name: '本人申请', exact: true }).click();
  await page.getByRole('button', { name: '下一步', exact: true }).click();
  await page.locator('#screen-heading', { hasText: /姓名/ }).waitFor();
  await page.locator('[data-layout="pinyin"]').waitFor();
  screens.push({
    label: 'legal aid: name step',
    screen: await page.evaluate(() => window.__kioskDebug!.store.getState().screen),
  });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('the primary action and Back never below the fold', () => {
  it('the check itself catches a primary button pushed below the window', async () => {
    await navigate(page, screens.at(-1)!.screen);
    await page.evaluate(() => {
      const filler = document.createElement('div');
      filler.id = 'filler';
      filler.style.cssText = 'height: 3000px';
      document.querySelector('main')!.append(filler);
      const bar = document.querySelector<HTMLElement>('.forms-actions')!;
      bar.style.position = 'static';
      bar.after(filler);
    });
    expect((await actionsOutOfView(page)).join('\n')).toMatch(/下一步/);
    await navigate(page, { name: 'home' });
  });

  it('every screen × both orientations × every text size', async () => {
    const failures: string[] = [];
    for (const viewport of [LANDSCAPE, PORTRAIT]) {
      await page.setViewportSize(viewport);
      for (const entry of screens) {
        for (const textSize of SIZES) {
          await navigate(page, entry.screen);
          await setSettings(page, { textSize });
          for (const problem of await actionsOutOfView(page))
            failures.push(`${entry.label} ${viewport.width}×${viewport.height} ${textSize}: ${problem}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
