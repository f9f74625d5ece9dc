import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contrastRatio } from '../../../renderer/a11y/contrast';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';
import { navigate, setSettings, speechLog, sweepBoxes, THEMES, testUrl, writeTestConfig } from './kiosk_page';

let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;

const GREETING = '您好，欢迎使用公共法律服务自助终端。请选择您需要的服务。';

beforeAll(async () => {
  // Speech on by default: session end must bring it back and the home screen must greet again.
  host = await startDevHost({ configPath: writeTestConfig({ speech: { onByDefault: true } }) });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.clock.install();
  await page.goto(testUrl(host));
  await page.waitForFunction(() => window.__kioskDebug !== undefined);
  await page.getByRole('heading', { name: '请选择服务' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const screenName = () => page.evaluate(() => window.__kioskDebug!.store.getState().screen.name);

async function centreOf(name: string) {
  const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('touch: activation on release, cancelled by sliding off', () => {
  it('greets on load when speech is on by default', async () => {
    expect((await speechLog(page)).map((e) => e.text)).toContain(GREETING);
  });

  it('mouse: press on a tile, slide off, release → nothing happens; press and release on it → it opens', async () => {
    const tile = await centreOf('法律知识');
    await page.mouse.move(tile.x, tile.y);
    await page.mouse.down();
    expect(await screenName()).toBe('home');
    await page.mouse.move(tile.x, tile.y + 400, { steps: 5 });
    await page.mouse.up();
    expect(await screenName()).toBe('home');
    await page.mouse.move(tile.x, tile.y);
    await page.mouse.down();
    expect(await screenName()).toBe('home'); // not on press
    await page.mouse.up();
    await page.waitForFunction(() => window.__kioskDebug!.store.getState().screen.name !== 'home');
    await navigate(page, { name: 'home' });
  });

  it('touch: a finger that slides off a button before lifting does not press it; a tap does', async () => {
    const cdp = await browser.newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const help = await centreOf('帮助');
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [help] });
    for (let dy = 20; dy <= 300; dy += 40) {
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [{ x: help.x, y: help.y + dy }],
      });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForTimeout(300);
    expect(await screenName()).toBe('home');
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [help] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForFunction(() => window.__kioskDebug!.store.getState().screen.name === 'help');
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
    await navigate(page, { name: 'home' });
  });

  it('no hover-only information: nothing carries a title tooltip', async () => {
    for (const screen of [{ name: 'home' }, { name: 'help' }] as const) {
      await navigate(page, screen);
      expect(await page.locator('[title]').count()).toBe(0);
    }
    await navigate(page, { name: 'home' });
  });

  it('the focus ring is ≥ 2 px and ≥ 3:1 against the surface in every theme', async () => {
    for (const theme of THEMES) {
      await setSettings(page, { theme });
      await page.locator('#screen-heading').focus();
      await page.keyboard.press('ArrowDown');
      const ring = await page.evaluate(() => {
        const el = document.activeElement!;
        const style = getComputedStyle(el);
        const parentBg = getComputedStyle(document.querySelector('.app-main')!).backgroundColor;
        const bodyBg = getComputedStyle(document.documentElement).backgroundColor;
        return {
          width: Number.parseFloat(style.outlineWidth),
          style: style.outlineStyle,
          colour: style.outlineColor,
          background: parentBg === 'rgba(0, 0, 0, 0)' ? bodyBg : parentBg,
        };
      });
      const hex = (rgb: string) =>
        `#${rgb
          .match(/\d+/g)!
          .slice(0, 3)
          .map((n) => Number(n).toString(16).padStart(2, '0'))
          .join('')}`;
      expect(ring.width, theme).toBeGreaterThanOrEqual(2);
      expect(ring.style, theme).toBe('solid');
      expect(contrastRatio(hex(ring.colour), hex(ring.background)), theme).toBeGreaterThanOrEqual(3);
    }
    await setSettings(page, { theme: 'default' });
  });
});

describe('idle timeout and session end (Playwright clock)', () => {
  async function changeEverything() {
    await page.getByRole('button', { name: /对比度/ }).click();
    await page.getByRole('button', { name: '文字变大' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Help' }).click();
    await page.getByRole('heading', { name: 'Help' }).waitFor();
  }

  it('warns after 120 s with a visible and spoken 45 s countdown; one press continues, keeping everything', async () => {
    await changeEverything();
    await page.clock.runFor(119_000);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.clock.runFor(1_000);
    const dialog = page.getByRole('alertdialog', { name: 'Are you still there?' });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain('In 45 seconds');
    const said = (await speechLog(page)).map((e) => e.text);
    expect(said).toContain('Are you still there?');
    expect(said.some((t) => t.includes('In 45 seconds'))).toBe(true);
    await page.clock.runFor(10_000);
    await expect(dialog.textContent()).resolves.toContain('In 35 seconds');
    // Focus is inside the dialog on "Continue"; one Enter continues.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Continue');
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    expect(await screenName()).toBe('help');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('can be extended again and again', async () => {
    for (let round = 0; round < 3; round++) {
      await page.clock.runFor(120_000 + 40_000);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    }
    expect(await screenName()).toBe('help');
  });

  it('the warning dialog is axe clean with large targets in every theme, up to the largest size', async () => {
    await page.clock.runFor(120_000);
    await page.getByRole('alertdialog').waitFor();
    for (const theme of THEMES) {
      await setSettings(page, { theme, textSize: theme === 'contrast_dark' ? 'XL' : 'L' });
      expect(await runAxe(page), theme).toEqual([]);
      expect(await sweepBoxes(page), theme).toEqual([]);
    }
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  });

  it('when the countdown runs out the session ends: home, terminal defaults, greeting spoken', async () => {
    await page.clock.runFor(120_000 + 45_000);
    await page.getByRole('heading', { name: '请选择服务' }).waitFor();
    const state = await page.evaluate(() => {
      const { settings, history, screen } = window.__kioskDebug!.store.getState();
      return { settings, history, screen, theme: document.documentElement.dataset.theme };
    });
    expect(state.screen).toEqual({ name: 'home' });
    expect(state.history).toEqual([]);
    expect(state.theme).toBe('default');
    expect(state.settings).toMatchObject({
      language: 'zh-CN',
      theme: 'default',
      textSize: 'M',
      speechOn: true,
    });
    expect((await speechLog(page)).map((e) => e.text)).toContain(GREETING);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
  });

  it('"finish" in the warning ends the session at once', async () => {
    await changeEverything();
    await page.clock.runFor(120_000);
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.getByRole('heading', { name: '请选择服务' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('M');
  });
});
