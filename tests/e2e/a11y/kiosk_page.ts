import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { TextSizeId } from '../../../renderer/a11y/text_sizes';
import type { ThemeId } from '../../../renderer/a11y/themes';
import type { SpeechLogEntry } from '../../../renderer/speech/speech_log';
import type { Screen } from '../../../renderer/state/screens';
import { PROJECT_ROOT, type RunningDevHost } from '../support/dev_host';

export const THEMES: ThemeId[] = ['default', 'contrast_dark', 'contrast_light'];
export const SIZES: TextSizeId[] = ['S', 'M', 'L', 'XL'];
export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };

/** The page URL with the test flag that exposes `window.__kioskDebug` (speech log, store). */
export function testUrl(host: RunningDevHost): string {
  return `${host.origin}/?e2e#token=${host.token}`;
}

/** A provisioning file like the sample with some fields changed (short timeouts, speech on by default). */
export function writeTestConfig(change: Record<string, unknown>): string {
  const sample = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'assets/config.sample.json'), 'utf8'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-a11y-config-'));
  const file = path.join(dir, 'config.json');
  fs.writeFileSync(file, JSON.stringify({ ...sample, ...change }));
  return file;
}

export async function openKiosk(page: Page, host: RunningDevHost): Promise<void> {
  await page.goto(testUrl(host));
  await page.waitForFunction(() => window.__kioskDebug !== undefined);
  await page.locator('#screen-heading').waitFor();
}

export async function speechLog(page: Page): Promise<SpeechLogEntry[]> {
  return page.evaluate(() => [...window.__kioskDebug!.speechLog()]);
}

/** Everything spoken so far, spaces dropped, joined with "|": for `toContain` checks on what was said. */
export async function spokenText(page: Page): Promise<string> {
  return (await speechLog(page)).map((entry) => entry.text.replace(/\s+/g, '')).join('|');
}

/** Speech on, as a blind visitor turns it on: the keypad's speech key (F3). */
export async function turnSpeechOn(page: Page): Promise<void> {
  await page.keyboard.press('F3');
  await page.waitForFunction(() => window.__kioskDebug!.store.getState().settings.speechOn);
}

/** Settings through the store (the bar's buttons are tested on their own); waits for the page to apply them. */
export async function setSettings(
  page: Page,
  settings: { theme?: ThemeId; textSize?: TextSizeId; language?: 'zh-CN' | 'en' | 'mn-Mong-CN' },
): Promise<void> {
  await page.evaluate((wanted) => {
    const store = window.__kioskDebug!.store;
    if (wanted.theme) store.setTheme(wanted.theme);
    if (wanted.textSize) store.setTextSize(wanted.textSize);
    if (wanted.language) store.setLanguage(wanted.language);
  }, settings);
  await page.waitForFunction(
    (wanted) =>
      (!wanted.theme || document.documentElement.dataset.theme === wanted.theme) &&
      (!wanted.textSize || document.documentElement.dataset.textSize === wanted.textSize) &&
      (!wanted.language || document.documentElement.lang === wanted.language),
    settings,
  );
}

export async function navigate(page: Page, screen: Screen): Promise<void> {
  await page.evaluate((to) => window.__kioskDebug!.store.navigate(to), screen);
  await page.locator('#screen-heading').waitFor();
}

export interface BoxProblem {
  what: string;
  problem: string;
}

/**
 * Geometry of every visible interactive element: ≥ 44×44 (main actions ≥ 60×60), ≥ 8 px apart, nothing wider
 * than the viewport, no text spilling out of a button, no horizontal scrolling.
 */
export async function sweepBoxes(page: Page): Promise<BoxProblem[]> {
  return page.evaluate(() => {
    const problems: { what: string; problem: string }[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) {
      problems.push({
        what: 'page',
        problem: `scrolls horizontally (${document.documentElement.scrollWidth} > ${width})`,
      });
    }
    // body clips horizontal overflow (overflow-x: hidden), so look for anything that sticks out on the right.
    // Text for screen readers only (the live regions) is clipped to a 1 px box and never seen: not counted.
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('.visually-hidden')) continue;
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 0.5) {
        problems.push({
          what: name(el),
          problem: `sticks out of the viewport (right ${Math.round(box.right)} > ${width})`,
        });
        break;
      }
    }
    const interactive = [
      ...document.querySelectorAll<HTMLElement>(
        'button, a[href], input:not([type="hidden"]), select, textarea, [role="radio"], [role="checkbox"], [tabindex]:not([tabindex="-1"])',
      ),
    ].filter(
      (el) =>
        el.getClientRects().length > 0 &&
        el.checkVisibility({ visibilityProperty: true }) &&
        !el.closest('[inert]'),
    );
    const boxes = interactive.map((el) => ({ el, box: el.getBoundingClientRect() }));
    const stickyBars = [
      ...document.querySelectorAll<HTMLElement>('.forms-actions, .screen-actions, .staff-actions'),
    ]
      .filter((bar) => getComputedStyle(bar).position === 'sticky')
      .map((bar) => ({ bar, box: bar.getBoundingClientRect() }));
    /** `el` sits in a sticky bar and `other`, outside it, is (partly) behind that bar. */
    const underStickyBar = (el: Element, other: { el: Element; box: DOMRect }) =>
      stickyBars.some(
        ({ bar, box }) =>
          bar.contains(el) &&
          !bar.contains(other.el) &&
          other.box.bottom > box.top + 0.5 &&
          other.box.top < box.bottom,
      );
    for (const { el, box } of boxes) {
      const main = el.matches('.kiosk-button, .tile, .choice');
      const min = main ? 60 : 44;
      if (box.width < min - 0.5 || box.height < min - 0.5) {
        problems.push({
          what: name(el),
          problem: `${Math.round(box.width)}×${Math.round(box.height)} < ${min}`,
        });
      }
      if (box.right > width + 0.5 || box.left < -0.5)
        problems.push({ what: name(el), problem: 'outside the viewport' });
      if (el.scrollWidth > el.clientWidth + 1) problems.push({ what: name(el), problem: 'text overflows' });
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        // A target scrolled under the sticky action bar is covered, not a neighbour: the keypad scrolls it clear
        // of the bar before it can be pressed (scroll padding; actions_in_view sweeps that).
        if (underStickyBar(a.el, b) || underStickyBar(b.el, a)) continue;
        const dx = Math.max(0, Math.max(a.box.left, b.box.left) - Math.min(a.box.right, b.box.right));
        const dy = Math.max(0, Math.max(a.box.top, b.box.top) - Math.min(a.box.bottom, b.box.bottom));
        if (Math.max(dx, dy) < 7.5 && a.box.width > 0) {
          problems.push({
            what: `${name(a.el)} / ${name(b.el)}`,
            problem: `only ${Math.max(dx, dy).toFixed(1)} px apart`,
          });
        }
      }
    }
    return problems;
  });
}

/** The screens reachable now: home, help, elder home, and where each home tile leads. */
export async function discoverScreens(page: Page): Promise<{ label: string; screen: Screen }[]> {
  const tiles = await page.locator('.tile').count();
  const screens: { label: string; screen: Screen }[] = [
    { label: 'home', screen: { name: 'home' } },
    { label: 'help', screen: { name: 'help' } },
  ];
  for (let index = 0; index < tiles; index++) {
    await navigate(page, { name: 'home' });
    await page.locator('.tile').nth(index).click();
    await page.waitForFunction(() => window.__kioskDebug!.store.getState().screen.name !== 'home');
    await page.locator('#screen-heading').waitFor();
    const screen = await page.evaluate(() => window.__kioskDebug!.store.getState().screen);
    screens.push({ label: `tile ${index + 1}: ${screen.name}`, screen });
  }
  await navigate(page, { name: 'home' });
  return screens;
}

/**
 * The screen's primary action and its Back, seen without scrolling (issue 18): each one in an action row (or,
 * without one, the first primary button outside a paged list) whose box is not wholly inside the window with the page at the top.
 */
export async function actionsOutOfView(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    window.scrollTo(0, 0);
    const visible = (el: HTMLElement) =>
      el.getClientRects().length > 0 && el.checkVisibility({ visibilityProperty: true });
    const isBack = (el: HTMLElement) => /^(上一步|返回)/.test((el.textContent ?? '').trim());
    const rows = '.forms-actions, .screen-actions, .staff-actions';
    const inRows = [...document.querySelectorAll<HTMLElement>(`main :is(${rows}) button`)].filter(
      (el) => visible(el) && (el.matches('.kiosk-button--primary') || isBack(el)),
    );
    // a list's "more" button is paging, not the screen's action
    const firstPrimary = [...document.querySelectorAll<HTMLElement>('main .kiosk-button--primary')].find(
      (el) => visible(el) && !el.closest('.paged-list'),
    );
    const wanted = inRows.length > 0 ? inRows : firstPrimary ? [firstPrimary] : [];
    return wanted
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.top < -0.5 || box.bottom > window.innerHeight + 0.5;
      })
      .map((el) => {
        const box = el.getBoundingClientRect();
        return `"${(el.textContent ?? '').trim().slice(0, 12)}" at ${Math.round(box.top)}–${Math.round(box.bottom)} of ${window.innerHeight}`;
      });
  });
}
