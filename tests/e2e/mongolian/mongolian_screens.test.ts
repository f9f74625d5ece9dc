import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Screen } from '../../../renderer/state/screens';
import {
  discoverScreens,
  LANDSCAPE,
  navigate,
  openKiosk,
  PORTRAIT,
  setSettings,
  sweepBoxes,
  writeTestConfig,
} from '../a11y/kiosk_page';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';
import { horizontalMongolian, mongolianRuns, overflowOnly } from './mongolian_checks';

let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;
let screens: { label: string; screen: Screen }[];

beforeAll(async () => {
  host = await startDevHost({ configPath: writeTestConfig({ bilingual: true }) });
  browser = await launchChromium([], PORTRAIT);
  page = await browser.newPage();
  await openKiosk(page, host);
  screens = await discoverScreens(page);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** Checks the Mongolian screen on show; returns how many Mongolian runs it has. */
async function checkScreen(where: string, failures: string[], withAxe: boolean): Promise<number> {
  await page.evaluate(() => document.fonts.ready);
  const runs = await mongolianRuns(page);
  for (const run of runs) {
    if (run.writingMode !== 'vertical-lr') failures.push(`${where}: "${run.text}" is ${run.writingMode}`);
    if (!run.font.startsWith('"Noto Sans Mongolian"'))
      failures.push(`${where}: "${run.text}" font ${run.font}`);
    if (run.clipped) failures.push(`${where}: "${run.text}" is clipped ${run.clipped}`);
  }
  for (const problem of overflowOnly(await sweepBoxes(page))) {
    failures.push(`${where}: ${problem.what} ${problem.problem}`);
  }
  for (const run of await horizontalMongolian(page)) failures.push(`${where}: horizontal Mongolian ${run}`);
  const text = await page.evaluate(() => document.body.textContent ?? '');
  if (/[\u0400-\u04ff]/.test(text)) failures.push(`${where}: Cyrillic on screen`);
  if (withAxe) {
    for (const violation of await runAxe(page)) {
      failures.push(`${where}: axe ${violation.id} ${violation.targets.join(', ')}`);
    }
  }
  return runs.length;
}

describe('traditional Mongolian in Chromium', () => {
  it('every screen in Mongolian: axe clean, vertical runs in Noto Sans Mongolian, no overflow at S and XL, no Cyrillic', async () => {
    const failures: string[] = [];
    let runsSeen = 0;
    for (const size of ['S', 'XL'] as const) {
      for (const viewport of [PORTRAIT, LANDSCAPE]) {
        await page.setViewportSize(viewport);
        for (const entry of screens) {
          await navigate(page, entry.screen);
          await setSettings(page, { language: 'mn-Mong-CN', textSize: size });
          await page.evaluate(() => document.fonts.ready);
          const where = `${entry.label} ${size} ${viewport.width}×${viewport.height}`;
          const seen = await checkScreen(where, failures, viewport === PORTRAIT && size === 'XL');
          runsSeen += seen;
        }
      }
    }
    expect(failures).toEqual([]);
    expect(runsSeen).toBeGreaterThan(screens.length);
  });

  it('a form in Mongolian: the start screen and the steps reached by pressing the primary button pass the same checks', async () => {
    const start = screens.find((entry) => entry.screen.name === 'form_start');
    expect(start).toBeDefined();
    await page.setViewportSize(PORTRAIT);
    await navigate(page, start!.screen);
    await setSettings(page, { language: 'mn-Mong-CN', textSize: 'XL' });
    const failures: string[] = [];
    const visited: string[] = [];
    for (let press = 0; press < 8; press++) {
      const name = await page.evaluate(() => window.__kioskDebug!.store.getState().screen.name);
      visited.push(name);
      await checkScreen(`${name} #${press}`, failures, true);
      if (name === 'form_review') break;
      await page.locator('main .kiosk-button--primary').first().click();
      await page.waitForTimeout(150);
    }
    expect(failures).toEqual([]);
    expect(visited).toContain('form_step');
  });

  it('the bundled Noto Sans Mongolian is loaded and used', async () => {
    await navigate(page, { name: 'home' });
    await setSettings(page, { language: 'mn-Mong-CN', textSize: 'M' });
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return {
        check: document.fonts.check('16px "Noto Sans Mongolian"', 'ᠮᠣᠩᠭᠣᠯ'),
        loaded: [...document.fonts]
          .filter((f) => f.family.includes('Noto Sans Mongolian'))
          .map((f) => f.status),
      };
    });
    expect(fonts.check).toBe(true);
    expect(fonts.loaded).toContain('loaded');
  });

  it('long Mongolian text wraps into further columns left to right instead of overflowing', async () => {
    await navigate(page, { name: 'home' });
    await setSettings(page, { language: 'mn-Mong-CN', textSize: 'XL' });
    const box = await page.evaluate(() => {
      const run = document.createElement('span');
      run.className = 't';
      run.lang = 'mn-Mong-CN';
      run.textContent = 'ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠮᠡᠳᠡᠯᠭᠡ '.repeat(20);
      document.querySelector('.lead')?.append(run);
      const rect = run.getBoundingClientRect();
      const out = { width: rect.width, height: rect.height, viewport: window.innerHeight, right: rect.right };
      run.remove();
      return out;
    });
    expect(box.height).toBeLessThanOrEqual(box.viewport * 0.56);
    expect(box.width).toBeGreaterThan(box.height / 10);
    expect(box.right).toBeLessThanOrEqual(PORTRAIT.width);
  });

  it('bilingual terminal: headings and home tiles show Mongolian left of Chinese, the same size', async () => {
    for (const language of ['zh-CN', 'mn-Mong-CN'] as const) {
      await navigate(page, { name: 'home' });
      await setSettings(page, { language, textSize: 'M' });
      const pairs = await page.evaluate(() =>
        [...document.querySelectorAll('.bilingual')].map((pair) => {
          const [first, second] = [...pair.children] as HTMLElement[];
          return {
            langs: [first?.lang, second?.lang],
            firstRight: first?.getBoundingClientRect().right ?? 0,
            secondLeft: second?.getBoundingClientRect().left ?? 0,
            sizes: [first, second].map((el) => (el ? getComputedStyle(el).fontSize : '')),
          };
        }),
      );
      const both = pairs.filter((p) => p.langs[1] === 'zh-CN' && p.langs[0] === 'mn-Mong-CN');
      expect(both.length, language).toBeGreaterThanOrEqual(2);
      for (const pair of both) {
        expect(pair.firstRight).toBeLessThanOrEqual(pair.secondLeft + 0.5);
        expect(pair.sizes[0]).toBe(pair.sizes[1]);
      }
      expect(await runAxe(page)).toEqual([]);
    }
  });
});
