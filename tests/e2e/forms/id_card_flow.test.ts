import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spellDigits } from '../../../common/speech/spell_digits';
import { hashPin } from '../../../core/pins/pin_hash';
import { placeCard, removeCard, SAMPLE_CARDS } from '../../../scripts/idcard/sample_cards';
import {
  LANDSCAPE,
  openKiosk,
  PORTRAIT,
  SIZES,
  setSettings,
  speechLog,
  spokenText,
  sweepBoxes,
  THEMES,
  turnSpeechOn,
  writeTestConfig,
} from '../a11y/kiosk_page';
import { checkMongolianScreen } from '../mongolian/mongolian_checks';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';
import { readSubmissions, spooledTexts } from './form_data';
import { keypadApplyForSelf, keypadKeys, keypadPress } from './keypad';

const CARD = SAMPLE_CARDS.sample;
const PHONE = '13912345678';
const STAFF_PIN = '482913';
const TECHNICIAN_PIN = '715309';
const LOCATION = { 'zh-CN': '屏幕右下方的读卡区', en: 'the card area below the screen, on the right' };

let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;
let cards: string;

const button = (name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });
const heading = (text: string | RegExp) => page.locator('#screen-heading', { hasText: text }).waitFor();
const said = () => spokenText(page);
const pageText = () => page.evaluate(() => document.body.textContent ?? '');

async function startLegalAid() {
  await keypadPress(page, page.getByRole('button', { name: /申请法律援助/ }));
  await heading('法律援助申请');
  await keypadPress(page, button('开始填写'));
  await keypadApplyForSelf(page);
  await heading('请把身份证放在读卡器上');
}

/** A new visitor: no card on the reader, the session ended, the home screen. */
async function endSession() {
  removeCard(cards);
  await page.evaluate(() => window.__kioskDebug!.store.endSession());
  await heading('请选择服务');
}

beforeAll(async () => {
  cards = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-cards-'));
  host = await startDevHost({
    configPath: writeTestConfig({
      idCardReader: { adapter: 'simulated', folder: cards, location: LOCATION },
      staff: { id: 'desk-e2e', pinHash: hashPin(STAFF_PIN) },
      technicianPinHash: hashPin(TECHNICIAN_PIN),
    }),
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await openKiosk(page, host);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('legal-aid application with the ID card reader, keypad only, speech on', () => {
  it('the identity step opens with "place your ID card" and says where the reader is', async () => {
    await turnSpeechOn(page);
    await startLegalAid();
    await page.getByText(`读卡器位置：${LOCATION['zh-CN']}。`).waitFor();
    const log = await said();
    expect(log).toContain('请把身份证放在读卡器上');
    expect(log).toContain(`读卡器位置：${LOCATION['zh-CN']}`);
    expect(await runAxe(page)).toEqual([]);
  });

  it('a placed card is read, announced and read back: the name and the last four digits only', async () => {
    placeCard(cards, CARD);
    await heading('身份证已读取，请核对');
    const log = await speechLog(page);
    const at = log.findLastIndex((entry) => entry.text === '身份证已读取，请核对');
    // the read-back is the visitor's own data: dynamic (the log keeps its length), exactly name + last four
    const readBack = `姓名：${CARD.name}。身份证号码最后四位：${spellDigits(CARD.idNumber.slice(-4), 'zh-CN').text}。`;
    expect(log[at + 1]).toMatchObject({ kind: 'dynamic', text: `[dynamic:${readBack.length}]` });
    expect((await said()).includes('正在读卡')).toBe(true);
    // on screen: every filled answer, the ID number masked until "show"
    const text = await pageText();
    for (const value of [CARD.name, '男', '1985-06-12', '汉族', CARD.address]) expect(text).toContain(value);
    expect(text).not.toContain(CARD.idNumber);
    expect(text).toContain(`••••••••••••••${CARD.idNumber.slice(-4)}`);
    expect(await page.getByText('来自身份证').count()).toBe(6);
    await keypadPress(page, button('显示公民身份号码'));
    await page.getByText(CARD.idNumber).waitFor();
    await keypadPress(page, button('隐藏公民身份号码'));
    expect(await page.getByText(CARD.idNumber).count()).toBe(0);
    expect(await runAxe(page)).toEqual([]);
  });

  it('goes on to the first question the card did not answer, and the rest is typed as usual', async () => {
    await keypadPress(page, button('正确，继续'));
    await heading(/电话号码/);
    await keypadKeys(page, [...PHONE]);
    await keypadPress(page, button('下一步'));
    await heading(/残疾人证/);
    await keypadPress(page, page.getByRole('radio', { name: '否' }));
    await keypadPress(page, button('下一步'));
    await heading(/哪一种法律援助/);
    await keypadPress(page, page.getByRole('radio', { name: '法律咨询' }));
    await keypadPress(page, button('下一步'));
    await heading(/属于哪一类/);
    await keypadPress(page, page.getByRole('radio', { name: '追索劳动报酬（工资）' }));
    await keypadPress(page, button('下一步'));
    await heading(/到了哪一步/);
    await keypadPress(page, page.getByRole('radio', { name: '还没有起诉或申请仲裁' }));
    await keypadPress(page, button('下一步'));
    await heading(/近期是否有开庭/);
    await keypadPress(page, page.getByRole('radio', { name: '否' }));
    await keypadPress(page, button('下一步'));
    await heading(/对方是谁/);
    await keypadPress(page, button('跳过这一项'));
    await heading(/发生了什么/);
    await page.getByRole('textbox').first().fill('公司拖欠我三个月工资，我想要回工资。');
    await keypadPress(page, button('下一步'));
    await heading(/属于下面的情形之一吗/);
    await keypadPress(page, page.getByRole('radio', { name: '以上都不是' }));
    await keypadPress(page, button('下一步'));
    await heading(/以下哪些情况符合您/);
    await keypadPress(page, page.getByRole('checkbox', { name: '进城务工人员，申请支付劳动报酬或工伤赔偿' }));
    await keypadPress(page, button('下一步'));
    await heading(/请确认/);
    await keypadPress(page, page.getByRole('radio', { name: '我承诺以上填写的内容真实' }));
    await keypadPress(page, button('下一步'));
    await heading(/需要哪些帮助/);
    await keypadPress(page, page.getByRole('checkbox', { name: '都不需要' }));
    await keypadPress(page, button('下一步'));
    await heading(/哪位律师/);
    await keypadPress(page, page.getByRole('radio', { name: '不指定，由法律援助机构指派' }));
    await keypadPress(page, button('下一步'));
    await heading(/签名/);
    await keypadPress(page, button('跳过这一项'));
    await heading('请核对您的回答');
  });

  it('review (issue 18): the ID number is masked, shown on request, hidden again after leaving', async () => {
    const idAnswer = page.locator('#review-answer-resident_id');
    expect(await idAnswer.textContent()).toContain(`••••••••••••••${CARD.idNumber.slice(-4)}`);
    expect(await pageText()).not.toContain(CARD.idNumber);
    expect(await pageText()).not.toContain(PHONE);
    // answers from the card carry the mark; the typed phone does not
    expect(await page.locator('.form-review__row', { hasText: '姓名' }).getByText('来自身份证').count()).toBe(
      1,
    );
    expect(
      await page.locator('.form-review__row', { hasText: '联系电话' }).getByText('来自身份证').count(),
    ).toBe(0);
    // the review is read aloud without the number
    expect(await said()).not.toContain(CARD.idNumber);
    expect(await runAxe(page)).toEqual([]);

    await keypadPress(page, button('显示公民身份号码'));
    expect(await idAnswer.textContent()).toBe(CARD.idNumber);
    await keypadPress(page, page.getByRole('button', { name: /^修改：.*联系电话/ }));
    await heading(/电话号码/);
    await keypadPress(page, button('保存并返回核对页'));
    await heading('请核对您的回答');
    expect(await page.locator('#review-answer-resident_id').textContent()).not.toContain(CARD.idNumber);
    expect(await pageText()).not.toContain(CARD.idNumber);
  });

  it('submits: the payload marks the card answers; the printed A4 carries the values and the marks', async () => {
    await keypadPress(page, button('提交申请'));
    await heading('申请已提交');
    const row = readSubmissions(host.dataDir).at(-1)!;
    const payload = JSON.parse(row.payload);
    expect(payload.answers).toMatchObject({ full_name: CARD.name, resident_id: CARD.idNumber, phone: PHONE });
    expect(payload.fromIdCard).toEqual([
      'full_name',
      'sex',
      'birth_date',
      'ethnicity',
      'resident_id',
      'address',
    ]);

    await keypadPress(page, button('打印申请表'));
    await page
      .locator('#print-outcome-application', { hasText: '申请表已打印，请从出纸口取走。' })
      .waitFor({ timeout: 30_000 });
    const application = [...spooledTexts(host.dataDir).values()]
      .map((text) => text.replace(/\s+/g, ''))
      .find((text) => text.includes(row.receipt_no));
    expect(application).toBeDefined();
    for (const value of [CARD.name, CARD.idNumber, PHONE, '1985-06-12']) expect(application).toContain(value);
    // each answer from the card is marked at its label; the typed phone is not
    for (const label of ['姓名', '性别', '出生日期', '民族', '公民身份号码', '住址'])
      expect(application).toContain(`${label}（身份证读取）`);
    expect(application).not.toContain('联系电话（身份证读取）');
    expect(application!.match(/（身份证读取）/g)).toHaveLength(6);
    await endSession();
  });
});

describe('cards that cannot fill the form', () => {
  it('an expired card: a plain message, spoken, and "type instead" goes to the typed question', async () => {
    await endSession();
    await turnSpeechOn(page);
    await startLegalAid();
    placeCard(cards, SAMPLE_CARDS.expired);
    const message = '这张身份证已经过期，不能用来填写。请放一张有效的身份证，或选“自己输入”。';
    await page.getByTestId('card-status').getByText(message).waitFor();
    expect(await page.getByTestId('live-assertive').textContent()).toContain(message);
    expect(await said()).toContain(message.replace(/\s+/g, ''));
    expect(await runAxe(page)).toEqual([]);
    await keypadPress(page, button('自己输入'));
    await heading('请输入您的姓名。');
    expect(await page.getByRole('textbox', { name: '姓名' }).inputValue()).toBe('');
    await endSession();
  });

  it('a card taken away too early: told so; "try again" reads it once it is back', async () => {
    await endSession();
    await startLegalAid();
    placeCard(cards, { ...CARD, readMs: 1500 });
    await page.getByTestId('card-status').getByText('正在读卡，请不要拿开身份证。').waitFor();
    removeCard(cards);
    await page
      .getByTestId('card-status')
      .getByText('身份证拿开得太早了，没有读完。请再放上去，听到“已读取”再拿开。')
      .waitFor();
    await keypadPress(page, button('再读一次'));
    placeCard(cards, CARD);
    await heading('身份证已读取，请核对');
    await endSession();
  });
});

describe('a 蒙古族 card on a terminal with Mongolian', () => {
  it('asks once, Mongolian first, and switches only when the visitor says yes', async () => {
    await endSession();
    await startLegalAid();
    placeCard(cards, SAMPLE_CARDS.mongolian);
    await heading('身份证已读取，请核对');
    await keypadPress(page, button('正确，继续'));
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const runs = await dialog.locator('h2 .t').evaluateAll((els) => els.map((el) => el.getAttribute('lang')));
    expect(runs).toEqual(['mn-Mong-CN', 'zh-CN']);
    expect(await runAxe(page)).toEqual([]);
    expect(await page.evaluate(() => window.__kioskDebug!.store.getState().settings.language)).toBe('zh-CN');
    await keypadPress(page, dialog.getByRole('button', { name: /改用蒙古文/ }));
    await page.waitForFunction(() => document.documentElement.lang === 'mn-Mong-CN');
    await page.locator('#screen-heading').waitFor();
    const failures: string[] = [];
    await checkMongolianScreen(page, 'after the switch', failures);
    // the check screen in Mongolian, the way back
    await page.evaluate(() => window.__kioskDebug!.store.back());
    await page.locator('.form-card-check').waitFor();
    await checkMongolianScreen(page, 'check screen', failures);
    expect(failures).toEqual([]);
    // asked once: moving on again does not ask again
    await page.locator('.form-card-check .kiosk-button--primary').click();
    await page.locator('.form-step').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await endSession();
  });
});

describe('staff', () => {
  it('assisted entry uses the reader; the staff view masks the ID number and marks card answers', async () => {
    await endSession();
    for (const key of ['F10', 'F12', 'F10', 'F12']) await page.keyboard.press(key);
    await page.getByLabel('工作人员密码').fill(STAFF_PIN);
    await page.getByRole('button', { name: '打开' }).click();
    await page.getByRole('heading', { name: '协助来访者填写' }).waitFor();
    await page.getByRole('button', { name: '为来访者填写：法律援助申请' }).click();
    await keypadApplyForSelf(page);
    await heading('请把身份证放在读卡器上');
    placeCard(cards, CARD);
    await heading('身份证已读取，请核对');
    await endSession();

    for (const key of ['F10', 'F12', 'F10', 'F12']) await page.keyboard.press(key);
    await page.getByLabel('工作人员密码').fill(STAFF_PIN);
    await page.getByRole('button', { name: '打开' }).click();
    await page.locator('.staff-item-button').first().click();
    await page.locator('.staff-answers').waitFor();
    const answers = await page.locator('.staff-answers').textContent();
    expect(answers).not.toContain(CARD.idNumber);
    expect(answers).toContain(CARD.name);
    expect(answers).toContain('来自身份证');
    await page.getByRole('button', { name: '显示公民身份号码' }).click();
    expect(await page.locator('.staff-answers').textContent()).toContain(CARD.idNumber);
    expect(await runAxe(page)).toEqual([]);
    await page.evaluate(() => window.__kioskDebug!.store.endSession());
  });
});

describe('technician', () => {
  it('the reader test: adapter, port, state and SAM id; one card read whose contents are not shown', async () => {
    await endSession();
    for (const key of ['F9', 'F9', 'F10', 'F10']) await page.keyboard.press(key);
    await page.getByLabel('技术维护密码').fill(TECHNICIAN_PIN);
    await page.keyboard.press('Enter');
    const reader = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /^身份证读卡器/ }) });
    await page.getByRole('heading', { name: '身份证读卡器: 正常' }).waitFor();
    const lines = await reader.textContent();
    expect(lines).toContain(`接口：模拟读卡器；端口：${cards}；状态：正常`);
    expect(lines).toMatch(/SAM 编号：\d+\.\d+-\d{8}-\d{10}-\d{10}/);
    await page.getByRole('button', { name: '放一张身份证测试读卡' }).click();
    await page.getByText('请在 15 秒内把一张身份证放在读卡器上。').first().waitFor();
    placeCard(cards, CARD);
    await page
      .getByText(/^读卡成功，读卡器用时 \d+ 毫秒。卡上的信息没有保存。$/)
      .first()
      .waitFor();
    const text = await pageText();
    expect(text).not.toContain(CARD.name);
    expect(text).not.toContain(CARD.idNumber);
    expect(text).not.toContain(CARD.address);
    expect(await runAxe(page)).toEqual([]);
    removeCard(cards);
    await page.getByRole('button', { name: '退出技术维护' }).click();
    await heading('请选择服务');
  });
});

describe('the feature screens in every theme, size and orientation', () => {
  it('pass axe and the geometry sweep: place card, failure, read-back', async () => {
    await endSession();
    const failures: string[] = [];
    const visit = async (name: string) => {
      if (name === 'check') {
        await startLegalAid();
        placeCard(cards, CARD);
        await heading('身份证已读取，请核对');
      } else if (name === 'failed') {
        await startLegalAid();
        placeCard(cards, SAMPLE_CARDS.expired);
        await page
          .getByTestId('card-status')
          .getByText(/已经过期/)
          .waitFor();
      } else await startLegalAid();
    };
    for (const name of ['place', 'failed', 'check']) {
      await visit(name);
      for (const theme of THEMES) {
        for (const textSize of SIZES) {
          await setSettings(page, { theme, textSize, language: 'zh-CN' });
          for (const v of await runAxe(page))
            failures.push(`${name} ${theme} ${textSize}: ${v.id} ${v.targets}`);
        }
      }
      for (const viewport of [PORTRAIT, LANDSCAPE]) {
        await page.setViewportSize(viewport);
        for (const textSize of SIZES) {
          await setSettings(page, { textSize });
          for (const p of await sweepBoxes(page))
            failures.push(`${name} ${textSize}: ${p.what} ${p.problem}`);
        }
      }
      await setSettings(page, { language: 'mn-Mong-CN', textSize: 'XL' });
      await checkMongolianScreen(page, `${name} mn XL`, failures);
      await setSettings(page, { language: 'zh-CN', textSize: 'M', theme: 'default' });
      await endSession();
    }
    expect(failures).toEqual([]);
  });
});
