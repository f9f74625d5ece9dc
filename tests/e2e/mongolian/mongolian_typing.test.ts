import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navigate, openKiosk, PORTRAIT, setSettings, sweepBoxes } from '../a11y/kiosk_page';
import { keypadApplyForSelf, keypadKeys, keypadPress } from '../forms/keypad';
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

/** Batu (ᠪᠠᠲᠤ) by the keys' spoken names, then a case suffix after a narrow no-break space. */
const KEYS = ['蒙古文字母 ba', '蒙古文字母 a', '蒙古文字母 ta', '蒙古文字母 u'];
const NAME = String.fromCodePoint(0x182a, 0x1820, 0x1832, 0x1824);

const screenName = () => page.evaluate(() => window.__kioskDebug!.store.getState().screen);

describe('typing a Mongolian name into a form, keypad only', () => {
  it('the name step offers the Mongolian keyboard in a Mongolian session; the name reaches the review screen vertical and marked mn-Mong-CN', async () => {
    await navigate(page, { name: 'form_start', templateId: 'legal_aid_application' });
    await setSettings(page, { language: 'mn-Mong-CN', textSize: 'XL' });
    await keypadPress(page, page.locator('main .kiosk-button--primary').first());
    await page.waitForFunction(() => window.__kioskDebug!.store.getState().screen.name === 'form_step');
    // 1.3.0 first asks who applies (its new texts are not yet in Mongolian: shown in Chinese, marked)
    expect(await screenName()).toMatchObject({ stepId: 'filer_role' });
    await keypadPress(page, page.getByRole('radio', { name: '本人申请', exact: true }));
    await keypadPress(page, page.locator('main .kiosk-button--primary').first());
    await page.waitForFunction(
      () => (window.__kioskDebug!.store.getState().screen as { stepId?: string }).stepId === 'full_name',
    );
    const step = await screenName();
    expect(step).toMatchObject({ stepId: 'full_name' });
    expect(await page.locator('[data-layout]').getAttribute('data-layout')).toBe('mongolian');

    await keypadKeys(page, KEYS);
    const field = page.locator('#answer-full_name');
    expect(await field.inputValue()).toBe(NAME);
    expect(await field.getAttribute('lang')).toBe('mn-Mong-CN');
    // the keyboard's preview shows the name vertically
    const preview = page.locator('.mn-keyboard__preview [lang="mn-Mong-CN"]');
    expect(await preview.textContent()).toBe(NAME);
    expect(await preview.evaluate((el) => getComputedStyle(el).writingMode)).toBe('vertical-lr');
    expect(await horizontalMongolian(page)).toEqual([]);
    // each press was told in the polite live region, by the letter's name
    expect(await page.getByTestId('live-polite').textContent()).toContain('蒙古文字母 u');
    expect(await runAxe(page)).toEqual([]);

    // next (the primary button), keypad only: the answer is saved and the form moves on
    await keypadPress(page, page.locator('main .kiosk-button--primary').first());
    await page.waitForFunction(
      () => (window.__kioskDebug!.store.getState().screen as { stepId?: string }).stepId !== 'full_name',
    );
    const draftId = (step as { draftId: string }).draftId;
    await navigate(page, { name: 'form_review', draftId });

    const answer = page.locator('#review-answer-full_name');
    await answer.waitFor();
    const shown = await answer.evaluate((el) => ({
      text: el.textContent,
      lang: el.getAttribute('lang'),
      writingMode: getComputedStyle(el).writingMode,
      font: getComputedStyle(el).fontFamily,
      clipped: el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1,
    }));
    expect(shown).toEqual({
      text: NAME,
      lang: 'mn-Mong-CN',
      writingMode: 'vertical-lr',
      font: expect.stringMatching(/^"Noto Sans Mongolian"/),
      clipped: false,
    });
    // the whole review in Mongolian: every Mongolian run vertical and whole, none laid out sideways, no overflow
    const runs = await mongolianRuns(page);
    expect(runs.length).toBeGreaterThan(5);
    expect(runs.filter((run) => run.writingMode !== 'vertical-lr' || run.clipped)).toEqual([]);
    expect(await horizontalMongolian(page)).toEqual([]);
    expect(overflowOnly(await sweepBoxes(page))).toEqual([]);
    expect(await runAxe(page)).toEqual([]);
  });

  it('a Chinese session starts on pinyin and the input method key brings the Mongolian keyboard, keypad only', async () => {
    await navigate(page, { name: 'form_start', templateId: 'legal_aid_application' });
    await setSettings(page, { language: 'zh-CN', textSize: 'M' });
    await keypadPress(page, page.getByRole('button', { name: '开始填写' }));
    await keypadApplyForSelf(page);
    await page.locator('[data-layout="pinyin"]').waitFor();
    // pinyin → handwriting → Mongolian: the one switch key, focus kept on it
    await keypadPress(page, page.getByRole('button', { name: '输入法：拼音。按此换成手写' }));
    await page.locator('[data-layout="handwriting"]').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-layout="mongolian"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      '输入法：蒙古文。按此换成数字',
    );
    await keypadKeys(page, KEYS);
    expect(await page.locator('#answer-full_name').inputValue()).toBe(NAME);
    expect(await runAxe(page)).toEqual([]);
  });
});
