import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Screen } from '../../../renderer/state/screens';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';
import { discoverScreens, navigate, openKiosk, speechLog } from './kiosk_page';

let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;
let screens: { label: string; screen: Screen }[];

beforeAll(async () => {
  host = await startDevHost();
  browser = await launchChromium();
  page = await browser.newPage();
  await openKiosk(page, host);
  await installWalkLabel();
  screens = await discoverScreens(page);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/** A description of the focused element: its accessible name as the browser computes it, and identity. */
/** "Next" on the keypad: → (also inside grids, where ↓ moves by rows), but ↓ in a text field, where → moves the caret. */
async function nextKey(): Promise<'ArrowRight' | 'ArrowDown'> {
  const inText = await page.evaluate(() => {
    const el = document.activeElement;
    return (
      el instanceof HTMLTextAreaElement ||
      (el instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit'].includes(el.type))
    );
  });
  return inText ? 'ArrowDown' : 'ArrowRight';
}

type WalkWindow = Window & { walkLabel?: (el: HTMLElement) => string };

/**
 * Puts into the page the walk's one way of naming a control (aria-label, labelled-by, its <label>, its
 * text), so the focused control and the end-of-walk check name controls alike.
 */
async function installWalkLabel(): Promise<void> {
  await page.evaluate(() => {
    (window as WalkWindow).walkLabel = (el) => {
      const labelledBy = el.getAttribute('aria-labelledby');
      return (
        el.getAttribute('aria-label') ??
        (labelledBy ? document.getElementById(labelledBy.split(' ')[0]!)?.textContent : null) ??
        ((el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || '')
      ).trim();
    };
  });
}

async function focused(): Promise<{ id: string; label: string; inMain: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    el.dataset.walkId ??= String(Math.random());
    const label = (window as WalkWindow).walkLabel!(el);
    return { id: el.dataset.walkId, label, inMain: el.closest('main') !== null };
  });
}

/** Text without white space: speech joins runs with spaces where the DOM has none. */
const squash = (text: string) => text.replace(/\s+/g, '');

const clearSpeechLog = () => page.evaluate(() => window.__kioskDebug!.clearSpeechLog());

async function entriesSince(count: number): Promise<string[]> {
  return (await speechLog(page)).slice(count).map((entry) => entry.text);
}

describe('keypad-only walk with speech on', () => {
  it('the speech key turns speech on and says so', async () => {
    await page.keyboard.press('F3');
    expect(await page.evaluate(() => window.__kioskDebug!.store.getState().settings.speechOn)).toBe(true);
    expect((await speechLog(page)).at(-1)?.text).toBe('语音朗读已打开');
  });

  it('every screen is announced on load, each control is reached by arrows and spoken, the walk returns to the start, Back leaves', async () => {
    const report: string[] = [];
    for (const entry of screens) {
      // the log keeps its last 500 entries: each screen's walk counts from an empty one
      await clearSpeechLog();
      await navigate(page, { name: 'home' });
      if (entry.screen.name !== 'home') {
        // Reach the screen by keypad from home where a tile leads there; else (help) by its key.
        const before = (await speechLog(page)).length;
        if (entry.screen.name === 'help') await page.keyboard.press('F1');
        else {
          const index = screens.filter((s) => s.label.startsWith('tile')).indexOf(entry);
          let guard = 0;
          while (
            !(await page.evaluate(
              (i) => document.activeElement === document.querySelectorAll('.tile')[i],
              index,
            )) &&
            guard++ < 40
          ) {
            await page.keyboard.press('ArrowDown');
          }
          await page.keyboard.press('Enter');
        }
        await page.waitForFunction(
          (name) => window.__kioskDebug!.store.getState().screen.name === name,
          entry.screen.name,
        );
        await page.locator('#screen-heading').waitFor();
        const heading = (await page.locator('#screen-heading').textContent())!.trim();
        const said = await entriesSince(before);
        if (!said.some((text) => text.includes(heading)))
          report.push(`${entry.label}: heading "${heading}" not announced`);
      }
      // Walk forward until the first control comes round again. Right arrow: "next" everywhere, also inside
      // grids (the on-screen keyboard) whose Down arrow moves by rows.
      const start = (await speechLog(page)).length;
      await page.keyboard.press('ArrowRight');
      const first = await focused();
      const seen = [first.id];
      const seenLabels = [first.label];
      let spokenLabels = 0;
      if (squash((await entriesSince(start)).join('')).includes(squash(first.label).slice(0, 8)))
        spokenLabels++;
      for (let step = 0; step < 80; step++) {
        const before = (await speechLog(page)).length;
        await page.keyboard.press(await nextKey());
        const now = await focused();
        if (now.id === first.id) break;
        seen.push(now.id);
        seenLabels.push(now.label);
        const said = (await entriesSince(before)).join(' ');
        if (squash(said).includes(squash(now.label).slice(0, 8))) spokenLabels++;
        else report.push(`${entry.label}: focusing "${now.label}" said "${said}"`);
      }
      // Every control on the screen when the walk ends was reached, by its label: controls may be drawn anew
      // on the way (the status lookup's keyboard follows the field in focus and comes back with it).
      const unreached = await page.evaluate((reached) => {
        const label = (window as WalkWindow).walkLabel!;
        return [...document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea')]
          .filter(
            (el) =>
              !el.closest('[inert],[hidden]') &&
              el.getClientRects().length > 0 &&
              !(el as HTMLButtonElement).disabled &&
              !reached.includes(label(el)),
          )
          .map((el) => label(el).slice(0, 20));
      }, seenLabels);
      if (unreached.length > 0) report.push(`${entry.label}: never reached ${unreached.join(', ')}`);
      expect(spokenLabels, `${entry.label}: ${report.slice(-3).join(' | ')}`).toBeGreaterThan(0);
      // Back (Escape) leaves the screen for the one before (home), except on home itself.
      if (entry.screen.name !== 'home') {
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => window.__kioskDebug!.store.getState().screen.name === 'home');
      }
    }
    expect(report).toEqual([]);
  });

  it('changing language with the key re-speaks the focused control in the new language', async () => {
    await navigate(page, { name: 'home' });
    await page.keyboard.press('ArrowDown');
    await clearSpeechLog();
    const before = (await speechLog(page)).length;
    // F2 cycles the terminal's languages (中文 → Mongolian → English); every change re-speaks the focused tile.
    await page.keyboard.press('F2');
    await page.waitForFunction(() => document.documentElement.lang === 'mn-Mong-CN');
    await page.keyboard.press('F2');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const label = (await focused()).label;
    await page.waitForFunction((n) => window.__kioskDebug!.speechLog().length > n, before);
    const said = (await speechLog(page)).slice(before);
    expect(said.map((e) => e.text).join(' ')).toContain(label);
    expect(said.at(-1)?.language).toBe('en');
    expect(label).toMatch(/[A-Za-z]/);
    await page.evaluate(() => window.__kioskDebug!.store.setLanguage('zh-CN'));
  });

  it('the speech log never holds typed values, only their length', async () => {
    const log = await speechLog(page);
    expect(log.filter((e) => e.kind === 'dynamic').every((e) => /^\[dynamic:\d+\]$/.test(e.text))).toBe(true);
  });
});
