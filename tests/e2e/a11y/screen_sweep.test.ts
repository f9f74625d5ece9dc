import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCREEN, fontSizePx } from '../../../renderer/a11y/text_sizes';
import type { Screen } from '../../../renderer/state/screens';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';
import {
  discoverScreens,
  LANDSCAPE,
  navigate,
  openKiosk,
  PORTRAIT,
  SIZES,
  setSettings,
  sweepBoxes,
  THEMES,
} from './kiosk_page';

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
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** Opens a screen fresh in the given settings (elder mode is the home screen with its own settings). */
async function show(entry: { label: string; screen: Screen }) {
  await navigate(page, entry.screen);
}

describe('every screen × theme × text size in Chromium', () => {
  it('finds the screens: home, help and one per home tile', () => {
    expect(screens.length).toBeGreaterThanOrEqual(8);
    expect(screens.map((entry) => entry.screen.name)).toEqual(
      expect.arrayContaining(['home', 'help', 'video_call']),
    );
  });

  it('the geometry sweep itself catches a small target, a crowded pair and horizontal overflow', async () => {
    await navigate(page, { name: 'home' });
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'probe';
      const small = document.createElement('button');
      small.textContent = 'x';
      small.style.cssText = 'all: unset; display: inline-block; width: 30px; height: 30px;';
      const wide = document.createElement('div');
      wide.style.cssText = 'width: 5000px; height: 10px;';
      probe.append(small, wide);
      document.querySelector('main')!.append(probe);
    });
    const problems = (await sweepBoxes(page)).map((p) => p.problem).join('\n');
    await page.evaluate(() => document.getElementById('probe')!.remove());
    expect(problems).toMatch(/30×30 < 44/);
    expect(problems).toMatch(/scrolls horizontally|sticks out of the viewport/);
    expect(await sweepBoxes(page)).toEqual([]);
  });

  it('passes axe (WCAG A–AAA, 44 px targets) in Chinese: every screen × theme × size', async () => {
    const failures: string[] = [];
    for (const entry of screens) {
      await show(entry);
      for (const theme of THEMES) {
        for (const textSize of SIZES) {
          await setSettings(page, { theme, textSize, language: 'zh-CN' });
          const violations = await runAxe(page);
          for (const v of violations)
            failures.push(`${entry.label} ${theme} ${textSize}: ${v.id} ${v.targets.join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('passes axe in English (every screen × theme, sizes M and XL)', async () => {
    const failures: string[] = [];
    for (const entry of screens) {
      await show(entry);
      for (const theme of THEMES) {
        for (const textSize of ['M', 'XL'] as const) {
          await setSettings(page, { theme, textSize, language: 'en' });
          for (const v of await runAxe(page)) {
            failures.push(`${entry.label} ${theme} ${textSize}: ${v.id} ${v.targets.join(', ')}`);
          }
        }
      }
    }
    await setSettings(page, { language: 'zh-CN', theme: 'default' });
    expect(failures).toEqual([]);
  });

  it.each([
    ['portrait 1080×1920', PORTRAIT],
    ['landscape 1920×1080', LANDSCAPE],
  ])(
    '%s: targets ≥ 44 (main ≥ 60), 8 px apart, no horizontal overflow, at every size',
    async (_name, viewport) => {
      await page.setViewportSize(viewport);
      const failures: string[] = [];
      for (const language of ['zh-CN', 'en'] as const) {
        for (const entry of screens) {
          await show(entry);
          for (const textSize of SIZES) {
            await setSettings(page, { textSize, language });
            for (const p of await sweepBoxes(page))
              failures.push(`${entry.label} ${language} ${textSize}: ${p.what} ${p.problem}`);
          }
        }
      }
      await page.setViewportSize(LANDSCAPE);
      await setSettings(page, { language: 'zh-CN', textSize: 'M' });
      expect(failures).toEqual([]);
    },
  );

  it('computed font sizes follow the millimetre table for the declared screen, and controls grow with text', async () => {
    await navigate(page, { name: 'home' });
    const heights: number[] = [];
    for (const textSize of SIZES) {
      await setSettings(page, { textSize });
      const measured = await page.evaluate(() => ({
        root: Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
        tileTitle: Number.parseFloat(getComputedStyle(document.querySelector('.tile__title')!).fontSize),
        buttonHeight: document.querySelector('.a11y-bar .kiosk-button')!.getBoundingClientRect().height,
      }));
      expect(measured.root, textSize).toBeCloseTo(fontSizePx(textSize, DEFAULT_SCREEN), 1);
      expect(measured.tileTitle).toBeGreaterThan(measured.root);
      heights.push(measured.buttonHeight);
    }
    expect([...heights].sort((a, b) => a - b)).toEqual(heights);
    expect(heights.at(-1)!).toBeGreaterThan(heights[0]!);
    await setSettings(page, { textSize: 'M' });
  });
});

describe('elder mode (长辈版)', () => {
  it('switches to the largest size, four big tiles with "more", and speech on', async () => {
    await navigate(page, { name: 'home' });
    await page.getByRole('button', { name: '长辈版' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.textSize === 'XL');
    const rootPx = await page.evaluate(() =>
      Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
    );
    expect(rootPx).toBeGreaterThanOrEqual(30);
    expect(await page.locator('.tile').count()).toBe(4);
    for (const tile of await page.locator('.tile').all()) {
      const box = (await tile.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(60);
      expect(box.height).toBeGreaterThanOrEqual(60);
    }
    expect(await page.evaluate(() => window.__kioskDebug!.store.getState().settings.speechOn)).toBe(true);
    await page.getByRole('button', { name: /更多/ }).click();
    // The next page: three more services and "more" again (nine services since consultation and status lookup).
    expect(await page.locator('.tile').count()).toBe(4);
    for (const theme of THEMES) {
      await setSettings(page, { theme });
      expect(await runAxe(page), theme).toEqual([]);
    }
    for (const viewport of [PORTRAIT, LANDSCAPE]) {
      await page.setViewportSize(viewport);
      expect(await sweepBoxes(page)).toEqual([]);
    }
    await page.evaluate(() => window.__kioskDebug!.store.reset());
  });
});
