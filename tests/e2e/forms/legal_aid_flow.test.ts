import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKiosk, speechLog, spokenText, turnSpeechOn } from '../a11y/kiosk_page';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';
import { APPLICANT, readSubmissions, sha256, spooledTexts } from './form_data';
import { keypadCandidate, keypadKeys, keypadPinyin, keypadPress } from './keypad';

let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;
const axeByScreen = new Map<string, unknown[]>();

async function heading(text: string | RegExp): Promise<void> {
  await page.locator('#screen-heading', { hasText: text }).waitFor();
}

/** axe on the screen now shown, remembered by its heading. */
async function scan(): Promise<void> {
  const title = (await page.locator('#screen-heading').textContent()) ?? '';
  axeByScreen.set(title, await runAxe(page));
}

const button = (name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });
const radio = (name: string) => page.getByRole('radio', { name });

async function next(): Promise<void> {
  await keypadPress(page, button('下一步'));
}

async function polite(): Promise<string> {
  return (await page.getByTestId('live-polite').textContent()) ?? '';
}

const said = () => spokenText(page);

beforeAll(async () => {
  host = await startDevHost();
  browser = await launchChromium();
  page = await browser.newPage();
  await openKiosk(page, host);
  await turnSpeechOn(page);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('legal-aid application, keypad only, speech on', () => {
  let code = '';

  it('starts from the home tile: the start page says what is needed and how long', async () => {
    await keypadPress(page, page.getByRole('button', { name: /申请法律援助/ }));
    await heading('法律援助申请');
    await page.getByText('您的居民身份证').waitFor();
    await page
      .getByText(/共 \d+ 个问题，大约需要 \d+ 分钟/)
      .first()
      .waitFor();
    expect(await said()).toContain('法律援助申请');
    await scan();
    await keypadPress(page, button('开始填写'));
  });

  it('types the name with the on-screen pinyin keyboard and hears each step', async () => {
    // version 1.3.0 first asks who applies (issue 22): the visitor applies for themself
    await heading('这份申请是本人申请，还是由代理人或者监护人代为申请？');
    await page.getByText(/第 1 步，共 \d+ 步/).waitFor();
    await keypadPress(page, radio('本人申请'));
    await next();
    await heading('请输入您的姓名。');
    await page.getByText(/第 2 步，共 \d+ 步/).waitFor();
    expect(await said()).toContain('请输入您的姓名');
    await scan();
    const before = (await speechLog(page)).length;
    await keypadKeys(page, ['l', 'i']);
    // each key press is told (live region and speech): the pinyin so far and the candidates
    expect(await polite()).toMatch(/^拼音 li，候选 .*李/);
    expect((await speechLog(page)).slice(before).some((entry) => entry.kind === 'dynamic')).toBe(true);
    await keypadCandidate(page, '李');
    await keypadPinyin(page, 'ming', '明');
    expect(await page.getByRole('textbox', { name: '姓名' }).inputValue()).toBe(APPLICANT.name);
    expect(await polite()).toBe(`已输入：${APPLICANT.name}`);
    await next();
  });

  it('shows, announces and speaks an error that says how to fix it, next to the field', async () => {
    await heading('您的性别是？');
    await next(); // nothing chosen
    const message = '这一项必须填写。请填写后再继续。';
    await page.locator('.field-error', { hasText: message }).waitFor();
    await page.locator('.error-summary', { hasText: message }).waitFor();
    expect(await page.getByTestId('live-assertive').textContent()).toContain(message);
    expect(await said()).toContain(message);
    await scan();
    await keypadPress(page, radio('男'));
    await next();
  });

  it('enters the birth date and ID number on the large number pad, the address, the phone', async () => {
    await heading('您的出生日期是哪天？');
    await keypadKeys(page, [...APPLICANT.birthDigits]);
    await scan();
    await next();
    await heading(/您的民族是/);
    await keypadPress(page, button('跳过这一项'));
    await heading(/身份证号码/);
    const id = APPLICANT.residentId;
    await keypadKeys(
      page,
      [...id].map((ch) => (ch === 'X' ? '字母X' : ch)),
    );
    // personal numbers are never told back while typing, only their length
    expect(await polite()).toBe('已输入 18 位');
    await scan();
    await next();
    await heading(/住在哪里/);
    await page.getByRole('textbox', { name: /地址|住址/ }).fill(APPLICANT.address);
    await next();
    await heading(/电话号码/);
    await keypadKeys(page, [...APPLICANT.phone]);
    await next();
  });

  it('keeps the draft: the retrieval code is shown very large and spoken; the session ends', async () => {
    await heading(/残疾人证/);
    await keypadPress(page, button('保存草稿，下次再填'));
    await heading('草稿已保存');
    code = (await page.locator('.form-kept__code [data-code]').getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^\d{12}$/);
    const fontSize = await page
      .locator('.form-kept__code')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(60);
    expect(await said()).toContain([...code].join(''));
    await scan();
    await keypadPress(page, button('结束，离开'));
    await heading('请选择服务');
  });

  it("resumes with the retrieval code from the form's start page, where it left off", async () => {
    // a new session starts with the terminal's settings: the visitor turns speech on again
    await turnSpeechOn(page);
    await keypadPress(page, page.getByRole('button', { name: /申请法律援助/ }));
    await heading('法律援助申请');
    await keypadPress(page, button('我有取件码，接着填'));
    await keypadKeys(page, [...code]);
    await scan();
    await keypadPress(page, button('接着填写'));
    await heading(/残疾人证/);
  });

  it('answers the rest (the system keyboard works too)', async () => {
    await keypadPress(page, radio('是'));
    await next();
    await heading(/残疾类别/);
    await keypadPress(page, radio('肢体残疾'));
    await next();
    await heading(/残疾等级/);
    await keypadPress(page, radio('二级'));
    await next();
    await heading(/残疾人证号/);
    await page.getByRole('textbox').first().fill(`${APPLICANT.residentId}42`);
    await next();
    await heading(/哪一种法律援助/);
    await keypadPress(page, radio('法律咨询'));
    await next();
    await heading(/属于哪一类/);
    await keypadPress(page, radio('追索劳动报酬（工资）'));
    await next();
    await heading(/到了哪一步/);
    await keypadPress(page, radio('还没有起诉或申请仲裁'));
    await next();
    await heading(/近期是否有开庭/);
    await keypadPress(page, radio('否'));
    await next();
    await heading(/对方是谁/);
    await keypadPress(page, button('跳过这一项'));
    await heading(/发生了什么/);
    await page.getByRole('textbox').first().fill(APPLICANT.description);
    await next();
    await heading(/属于下面的情形之一吗/);
    await keypadPress(page, radio('以上都不是'));
    await next();
    await heading(/以下哪些情况符合您/);
    await keypadPress(page, page.getByRole('checkbox', { name: '无固定生活来源的残疾人' }));
    await scan();
    await next();
    await heading(/请确认/);
    await keypadPress(page, radio('我承诺以上填写的内容真实'));
    await next();
    await heading(/需要哪些帮助/);
    await keypadPress(page, page.getByRole('checkbox', { name: '手语翻译' }));
    await next();
    await heading(/哪位律师/);
    await keypadPress(page, radio('不指定，由法律援助机构指派'));
    await next();
    await heading(/签名/);
    await keypadPress(page, button('确认并以记号签名'));
    await scan();
    await next();
  });

  it('review: grouped by section, read aloud, one answer changed and back to the review', async () => {
    await heading('请核对您的回答');
    for (const section of ['申请人基本信息', '残疾情况', '申请事项', '经济状况']) {
      await page.getByRole('heading', { name: section }).waitFor();
    }
    // the answers are read after the title, as dynamic text (the speech log keeps only their length)
    const log = await speechLog(page);
    const reviewAt = log.findLastIndex((entry) => entry.text.replace(/\s+/g, '') === '请核对您的回答');
    expect(reviewAt, JSON.stringify(log.slice(-6))).toBeGreaterThanOrEqual(0);
    expect(log[reviewAt + 1]?.kind).toBe('dynamic');
    expect(await said()).not.toContain(APPLICANT.name);
    await page.getByText('这份申请会被标记为优先办理：残疾人申请。').waitFor();
    await scan();
    await keypadPress(page, page.getByRole('button', { name: /^修改：.*电话/ }));
    await heading(/电话号码/);
    await keypadPress(page, button('清空'));
    await keypadKeys(page, [...APPLICANT.changedPhone]);
    await keypadPress(page, button('保存并返回核对页'));
    await heading('请核对您的回答');
    // personal numbers stay masked on the review until the visitor chooses "show"
    expect(await page.getByText(APPLICANT.changedPhone).count()).toBe(0);
    await keypadPress(page, button('显示联系电话'));
    await page.getByText(APPLICANT.changedPhone).waitFor();
    expect(await page.getByText(APPLICANT.phone).count()).toBe(0);
  });

  it('submits: the receipt number is shown large and spoken; the row is stored with the right hash', async () => {
    await keypadPress(page, button('提交申请'));
    await heading('申请已提交');
    const receiptNo = (await page.locator('#receipt-number').textContent()) ?? '';
    expect(receiptNo.length).toBeGreaterThan(4);
    expect(await said()).toContain([...receiptNo].join(''));
    await scan();

    const rows = readSubmissions(host.dataDir);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.receipt_no).toBe(receiptNo);
    expect(row.template_id).toBe('legal_aid_application');
    expect(row.sha256).toBe(sha256(row.payload));
    expect(row.priority).toBe(1);
    const payload = JSON.parse(row.payload);
    const answers = JSON.stringify(payload);
    for (const value of [APPLICANT.name, APPLICANT.changedPhone, APPLICANT.residentId, APPLICANT.birthDate]) {
      expect(answers).toContain(value);
    }
    expect(answers).not.toContain(APPLICANT.phone);

    await keypadPress(page, button('打印回执'));
    await page
      .locator('#print-outcome-receipt', { hasText: '回执已打印，请从出纸口取走。' })
      .waitFor({ timeout: 30_000 });
    await keypadPress(page, button('打印申请表'));
    await page
      .locator('#print-outcome-application', { hasText: '申请表已打印，请从出纸口取走。' })
      .waitFor({ timeout: 30_000 });
    const texts = [...spooledTexts(host.dataDir).values()].map((text) => text.replace(/\s+/g, ''));
    expect(texts).toHaveLength(2);
    expect(texts.every((text) => text.includes(receiptNo))).toBe(true);
    const application = texts.find((text) => text.includes(APPLICANT.changedPhone));
    expect(application).toBeDefined();
    expect(application).toContain(APPLICANT.name);
    expect(application).toContain(APPLICANT.residentId);
  });

  it('every form screen passed axe (WCAG A–AAA, 44 px targets)', () => {
    expect(axeByScreen.size).toBeGreaterThanOrEqual(10);
    for (const [title, violations] of axeByScreen) expect(violations, title).toEqual([]);
  });
});
