import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildWeb } from '../../scripts/build_web';
import { placeCard, removeCard, SAMPLE_CARDS } from '../../scripts/idcard/sample_cards';
import { openKiosk, turnSpeechOn, writeTestConfig } from '../e2e/a11y/kiosk_page';
import { keypadCandidate, keypadKeys, keypadPress } from '../e2e/forms/keypad';
import { launchChromium } from '../e2e/support/browser';
import { startDevHost } from '../e2e/support/dev_host';
import { report } from './bench_report';

// Issue 18 item 5: what one legal-aid application costs a visitor who has only the keypad, speech on. A
// fixed applicant (the sample ID card's holder, with a disability certificate, an unpaid-wages matter) is
// driven from the home tile to "submitted": every key press the page receives is counted, typing included
// (pinyin with word candidates, the number pads, the description's common wording). Once without a card (every identity answer typed) and once
// with the card on the simulated reader. Target: under 300 presses with the card.
const TARGET_WITH_CARD = '< 300 presses';
const CARD = SAMPLE_CARDS.sample;
const LOCATION = { 'zh-CN': '屏幕右下方的读卡区', en: 'the card area below the screen, on the right' };

/** Text typed as pinyin pieces, each picked from the candidates: [typed letters or a digit, text it gives]. */
type Pieces = readonly (readonly [string, string])[];
const NAME: Pieces = [['lm', '李明']];
const ETHNICITY: Pieces = [['hz', '汉族']];
const ADDRESS: Pieces = [
  ['nmg', '内蒙古'],
  ['bts', '包头市'],
  ['kun', '昆'],
  ['du', '都'],
  ['lun', '仑'],
  ['qu', '区'],
  ['gt', '钢铁'],
  ['dj', '大街'],
  ['1', '1'],
  ['hao', '号'],
  ['2', '2'],
  ['dy', '单元'],
  ['301', '301'],
  ['shi', '室'],
];
/** The description: the common wording offered for unpaid wages, picked with one press. */
const DESCRIPTION = '单位拖欠我的工资，我想要回被拖欠的工资。';
const PHONE = '13912345678';
/** The on-screen keyboard's space key (its name in the zh-CN catalog). */
const SPACE = '空格';
/** The card holder's certificate: their ID number, then 4 (physical) and 2 (second level). */
const CERTIFICATE = `${CARD.idNumber}42`;

const button = (page: Page, name: string | RegExp) =>
  page.getByRole('button', { name, exact: typeof name === 'string' });

async function typePieces(page: Page, pieces: Pieces): Promise<void> {
  for (const [typed, text] of pieces) {
    await keypadKeys(page, [...typed]);
    if (/^\d+$/.test(typed)) continue;
    // The first candidate is said as the letters are typed; when it is the one wanted, the space key (in
    // the bottom row, next to the letters) takes it, as on a desktop input method.
    const first = await page.locator('.key-grid__key[data-key="candidate-0"]').textContent();
    if (first === text) await keypadPress(page, button(page, SPACE));
    else await keypadCandidate(page, text);
  }
}

async function next(page: Page): Promise<void> {
  await keypadPress(page, button(page, '下一步'));
}

/** The on-screen keyboard's "done" key: checks the answer and goes on, as "Next" does. */
async function done(page: Page): Promise<void> {
  await keypadPress(page, button(page, '完成'));
}

async function choose(page: Page, role: 'radio' | 'checkbox', name: string): Promise<void> {
  await keypadPress(page, page.getByRole(role, { name, exact: true }));
  await next(page);
}

/** What the fixed applicant does on each question, found by the start of its heading (the question). */
const STEPS: { heading: RegExp; answer(page: Page): Promise<void> }[] = [
  { heading: /^这份申请是本人申请/, answer: (page) => choose(page, 'radio', '本人申请') },
  {
    heading: /^请把身份证放在读卡器上/,
    answer: async (page) => {
      placeCard(cardFolder, CARD);
      await page.locator('#screen-heading', { hasText: '身份证已读取，请核对' }).waitFor();
      await keypadPress(page, button(page, '正确，继续'));
    },
  },
  {
    heading: /^请输入您的姓名/,
    answer: async (page) => {
      await typePieces(page, NAME);
      await done(page);
    },
  },
  { heading: /^您的性别/, answer: (page) => choose(page, 'radio', '男') },
  {
    heading: /^您的出生日期/,
    answer: async (page) => {
      await keypadKeys(page, [...CARD.birth]);
      await done(page);
    },
  },
  {
    heading: /^您的民族/,
    answer: async (page) => {
      await typePieces(page, ETHNICITY);
      await done(page);
    },
  },
  {
    heading: /^请输入您的 18 位身份证号码/,
    answer: async (page) => {
      await keypadKeys(page, [...CARD.idNumber]);
      await done(page);
    },
  },
  {
    heading: /^您现在住在哪里/,
    answer: async (page) => {
      await typePieces(page, ADDRESS);
      await done(page);
    },
  },
  {
    heading: /^我们用哪个电话号码/,
    answer: async (page) => {
      await keypadKeys(page, [...PHONE]);
      await done(page);
    },
  },
  {
    heading: /^请输入 20 位残疾人证号/,
    answer: async (page) => {
      // proposed from the ID number, category and level: the visitor checks it against the certificate
      const shown = await page.locator('#answer-disability_cert_no').inputValue();
      if (shown === '') await keypadKeys(page, [...CERTIFICATE]);
      else if (shown !== CERTIFICATE) throw new Error('keypad_cost: a wrong certificate number was proposed');
      await done(page);
    },
  },
  { heading: /^您是否持有/, answer: (page) => choose(page, 'radio', '是') },
  { heading: /^残疾人证上写的残疾类别/, answer: (page) => choose(page, 'radio', '肢体残疾') },
  { heading: /^残疾人证上写的残疾等级/, answer: (page) => choose(page, 'radio', '二级') },
  { heading: /^您需要哪一种法律援助/, answer: (page) => choose(page, 'radio', '法律咨询') },
  { heading: /^您的事情属于哪一类/, answer: (page) => choose(page, 'radio', '追索劳动报酬（工资）') },
  { heading: /^事情现在到了哪一步/, answer: (page) => choose(page, 'radio', '还没有起诉或申请仲裁') },
  { heading: /^近期是否有开庭/, answer: (page) => choose(page, 'radio', '否') },
  { heading: /^您的申请属于下面的情形之一吗/, answer: (page) => choose(page, 'radio', '以上都不是') },
  { heading: /^对方是谁/, answer: (page) => keypadPress(page, button(page, '跳过这一项')) },
  {
    heading: /^请简单说明发生了什么/,
    answer: async (page) => {
      await keypadPress(page, button(page, DESCRIPTION));
      await done(page);
    },
  },
  { heading: /^以下哪些情况符合您/, answer: (page) => choose(page, 'checkbox', '无固定生活来源的残疾人') },
  { heading: /^请确认：/, answer: (page) => choose(page, 'radio', '我承诺以上填写的内容真实') },
  { heading: /^办理时您需要哪些帮助/, answer: (page) => choose(page, 'checkbox', '都不需要') },
  { heading: /^您想选择哪位律师/, answer: (page) => choose(page, 'radio', '不指定，由法律援助机构指派') },
  {
    heading: /^请在框内签名/,
    answer: async (page) => {
      await keypadPress(page, button(page, '确认并以记号签名'));
      await next(page);
    },
  },
  { heading: /^请核对您的回答/, answer: (page) => keypadPress(page, button(page, '提交申请')) },
];

const pressCount = (page: Page) =>
  page.evaluate(() => (window as unknown as { __presses: number }).__presses);
const headingText = async (page: Page) => (await page.locator('#screen-heading').textContent()) ?? '';

/** Home → submitted, keypad only: returns the key presses the page received and the seconds it took. */
async function apply(page: Page): Promise<{ presses: number; seconds: number; steps: number }> {
  await page.evaluate(() => {
    const counter = window as unknown as { __presses: number };
    counter.__presses = 0;
    document.addEventListener('keydown', () => counter.__presses++, true);
  });
  const started = performance.now();
  await turnSpeechOn(page);
  await keypadPress(page, page.getByRole('button', { name: /申请法律援助/ }));
  await page.locator('#screen-heading', { hasText: '法律援助申请' }).waitFor();
  await keypadPress(page, button(page, '开始填写'));
  let steps = 0;
  for (let previous = '法律援助申请'; ; steps++) {
    // the next screen's heading: a different one from the step just answered
    await page
      .waitForFunction(
        (before) => {
          const text = document.querySelector('#screen-heading')?.textContent ?? '';
          return text !== '' && text !== before;
        },
        previous,
        { timeout: 30_000 },
      )
      .catch(async () => {
        await page.screenshot({ path: path.join(os.tmpdir(), 'keypad_cost_stuck.png') });
        throw new Error(`keypad_cost: still on "${previous}" after answering it (see keypad_cost_stuck.png)`);
      });
    const text = await headingText(page);
    if (text.startsWith('申请已提交')) break;
    const step = STEPS.find((candidate) => candidate.heading.test(text));
    if (!step) throw new Error(`keypad_cost: no answer for the question "${text}"`);
    const before = await pressCount(page);
    await step.answer(page);
    // KEYPAD_COST_TRACE=1: where the presses go, question by question (questions only, no answers)
    if (process.env.KEYPAD_COST_TRACE)
      process.stderr.write(`${(await pressCount(page)) - before}\t${text}\n`);
    previous = text;
  }
  const presses = await pressCount(page);
  return { presses, seconds: (performance.now() - started) / 1000, steps };
}

await buildWeb({ onlyIfStale: true });
const cardFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-cards-'));
for (const withCard of [false, true]) {
  removeCard(cardFolder);
  const host = await startDevHost({
    configPath: writeTestConfig(
      withCard ? { idCardReader: { adapter: 'simulated', folder: cardFolder, location: LOCATION } } : {},
    ),
  });
  const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  try {
    // tsx keeps function names with an `__name` helper that the page does not have; the e2e suite's
    // transform does not add it.
    await browser.addInitScript({ content: 'window.__name = (fn) => fn;' });
    const page = await browser.newPage();
    await openKiosk(page, host);
    const run = await apply(page);
    const variant = withCard ? 'with_card' : 'without_card';
    report({
      bench: 'keypad_cost',
      metric: `${variant}_presses`,
      value: run.presses,
      unit: 'presses',
      ...(withCard ? { target: TARGET_WITH_CARD } : {}),
    });
    report({ bench: 'keypad_cost', metric: `${variant}_seconds`, value: run.seconds, unit: 's' });
    report({ bench: 'keypad_cost', metric: `${variant}_screens`, value: run.steps, unit: 'screens' });
  } finally {
    await browser.close();
    await host.stop();
  }
}
fs.rmSync(cardFolder, { recursive: true, force: true });
