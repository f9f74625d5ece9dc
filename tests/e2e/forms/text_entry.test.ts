import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import handwriting from '../../../assets/input/handwriting_strokes.json';
import type { HandwritingData } from '../../../renderer/input/handwriting/recognizer';
import { decodeStrokes } from '../../../renderer/input/handwriting/stroke_codec';
import { distortStrokes, seededRandom } from '../../support/handwriting_distort';
import { navigate, openKiosk, PORTRAIT, setSettings, sweepBoxes, THEMES } from '../a11y/kiosk_page';
import { overflowOnly } from '../mongolian/mongolian_checks';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';
import { keypadApplyForSelf, keypadCandidate, keypadKeys, keypadPress } from './keypad';

let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  host = await startDevHost();
  browser = await launchChromium([], PORTRAIT);
  page = await browser.newPage();
  await openKiosk(page, host);
  // every key press the visitor makes, counted in the page
  await page.evaluate(() => {
    (window as unknown as { __presses: number }).__presses = 0;
    document.addEventListener(
      'keydown',
      () => (window as unknown as { __presses: number }).__presses++,
      true,
    );
  });
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const presses = () => page.evaluate(() => (window as unknown as { __presses: number }).__presses);
const field = () => page.locator('#answer-full_name');

/** The legal-aid form's name step (a person_name field), keypad only from its start screen. */
async function nameStep(): Promise<void> {
  await navigate(page, { name: 'form_start', templateId: 'legal_aid_application' });
  await setSettings(page, { language: 'zh-CN', textSize: 'M', theme: 'default' });
  await keypadPress(page, page.getByRole('button', { name: '开始填写' }));
  await keypadApplyForSelf(page);
  await page.locator('[data-layout="pinyin"]').waitFor();
  await field().waitFor();
}

/** Key presses to type `name`, keypad only: one character at a time, or as one word. */
async function typeName(pieces: [pinyin: string, hanzi: string][]): Promise<number> {
  await nameStep();
  const before = await presses();
  for (const [pinyin, hanzi] of pieces) {
    await keypadKeys(page, [...pinyin]);
    await keypadCandidate(page, hanzi);
  }
  const count = (await presses()) - before;
  expect(await field().inputValue()).toBe(pieces.map(([, h]) => h).join(''));
  return count;
}

describe('text entry, keypad only', () => {
  it('a name typed as one word takes fewer key presses than one character at a time', async () => {
    const results: Record<string, { perCharacter: number; asWord: number }> = {};
    for (const [name, pieces] of [
      [
        '张三',
        [
          ['zhang', '张'],
          ['san', '三'],
        ],
      ],
      [
        '李小明',
        [
          ['li', '李'],
          ['xiao', '小'],
          ['ming', '明'],
        ],
      ],
    ] as [string, [string, string][]][]) {
      const perCharacter = await typeName(pieces);
      const asWord = await typeName([[pieces.map(([p]) => p).join(''), name]]);
      results[name] = { perCharacter, asWord };
      expect(asWord).toBeLessThan(perCharacter);
    }
    // the figures for docs/measurements.md
    console.log(JSON.stringify({ keypadPresses: results }));
  });

  it('handwriting: the switch key opens the pad (said aloud); a character written with pointer strokes is among the candidates and types by keypad; axe clean with the pad open in every theme', async () => {
    await nameStep();
    await keypadPress(page, page.getByRole('button', { name: '输入法：拼音。按此换成手写' }));
    await page.locator('[data-layout="handwriting"]').waitFor();
    expect(await page.getByTestId('live-polite').textContent()).toBe('现在是手写输入');
    await page.getByText('请在手写区写一个字').waitFor({ timeout: 60_000 });
    for (const theme of THEMES) {
      await setSettings(page, { theme });
      expect(await runAxe(page), theme).toEqual([]);
    }
    await setSettings(page, { theme: 'default' });

    // 鑫, as a hand might write it: the reference strokes distorted (affine, jitter, joins, order), drawn
    // with the mouse into the writing area
    const data = handwriting as unknown as HandwritingData;
    const strokes = distortStrokes(
      decodeStrokes(data.strokes[[...data.characters].indexOf('鑫')]!),
      seededRandom(88),
    );
    const area = page.getByRole('img', { name: /手写区/ });
    const box = (await area.boundingBox())!;
    const at = ([x, y]: readonly [number, number]) => [
      box.x + (x / 64) * box.width,
      box.y + (y / 64) * box.height,
    ];
    for (const stroke of strokes) {
      const [sx, sy] = at(stroke[0]!);
      await page.mouse.move(sx!, sy!);
      await page.mouse.down();
      for (const point of stroke.slice(1)) {
        const [x, y] = at(point);
        await page.mouse.move(x!, y!, { steps: 2 });
      }
      await page.mouse.up();
    }
    const candidate = page.getByRole('button', { name: '鑫，三个金的鑫' });
    await candidate.waitFor();
    expect(await page.getByTestId('live-polite').textContent()).toMatch(/^已写 \d+ 笔，候选 .*鑫/);
    expect(await runAxe(page)).toEqual([]);
    expect(overflowOnly(await sweepBoxes(page))).toEqual([]);
    // the ink is drawn: the canvas is no longer blank
    expect(await area.evaluate((canvas) => (canvas as HTMLCanvasElement).toDataURL().length)).toBeGreaterThan(
      3000,
    );
    await page.evaluate(() => window.__kioskDebug!.store.setSpeech(true));
    await keypadPress(page, candidate);
    expect(await field().inputValue()).toBe('鑫');
    // the candidate was said when focused
    const said = await page.evaluate(() => window.__kioskDebug!.speechLog().map((e) => e.text));
    expect(said.join(' ')).toContain('三个金的鑫');
  });

  it('the pad fits at the largest text size', async () => {
    await nameStep();
    await setSettings(page, { textSize: 'XL' });
    await keypadPress(page, page.getByRole('button', { name: '输入法：拼音。按此换成手写' }));
    await page.getByText('请在手写区写一个字').waitFor({ timeout: 60_000 });
    expect(overflowOnly(await sweepBoxes(page))).toEqual([]);
    expect(await runAxe(page)).toEqual([]);
  });
});
