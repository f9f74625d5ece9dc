import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKiosk, spokenText, turnSpeechOn } from '../a11y/kiosk_page';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';
import { APPLICANT, readSubmissions, sha256, spooledTexts } from './form_data';
import { keypadKeys, keypadPinyin, keypadPress } from './keypad';

/**
 * The people's mediation request (人民调解申请) in Chromium through the dev host, keypad only with speech
 * on: from the home tile, a court case refused with the law's words, the other party's contact skipped, a
 * home visit at the applicant's own address, accommodations, review, submit, the printed receipt (papers to
 * bring, free of charge) and application read back with pdftotext.
 */
let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;
const axeByScreen = new Map<string, unknown[]>();
const OTHER_PARTY = '楼上502的住户';
const DESCRIPTION = '楼上卫生间漏水三个月，我家天花板发霉，对方不肯维修。';
const COURT = '人民法院已经受理或者已经判决的纠纷，人民调解委员会不能受理';

async function heading(text: string | RegExp): Promise<void> {
  await page.locator('#screen-heading', { hasText: text }).waitFor();
}

async function scan(): Promise<void> {
  const title = (await page.locator('#screen-heading').textContent()) ?? '';
  axeByScreen.set(title, await runAxe(page));
}

const button = (name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });
const radio = (name: string) => page.getByRole('radio', { name });
const checkbox = (name: string) => page.getByRole('checkbox', { name });
const next = () => keypadPress(page, button('下一步'));
const skip = () => keypadPress(page, button('跳过这一项'));

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

describe('people\u2019s mediation request, keypad only, speech on', () => {
  it('starts from the home tile: free, voluntary, not for cases a court has taken', async () => {
    await keypadPress(page, page.getByRole('button', { name: /人民调解/ }));
    await heading('人民调解申请');
    await page
      .getByText(/人民调解免费，双方自愿；已经由法院受理或判决的纠纷不能申请/)
      .first()
      .waitFor();
    expect(await said()).toContain('人民调解申请');
    await scan();
    await keypadPress(page, button('开始填写'));
  });

  it('the applicant: name by pinyin, ID number and phone on the number pad', async () => {
    await heading('请输入您的姓名。');
    await keypadPinyin(page, 'li', '李');
    await keypadPinyin(page, 'ming', '明');
    expect(await page.getByRole('textbox', { name: '姓名' }).inputValue()).toBe(APPLICANT.name);
    await next();
    await heading(/身份证号码/);
    await keypadKeys(
      page,
      [...APPLICANT.residentId].map((ch) => (ch === 'X' ? '字母X' : ch)),
    );
    await next();
    await heading(/住在哪里/);
    await page.getByRole('textbox', { name: /住址/ }).fill(APPLICANT.address);
    await next();
    await heading(/电话号码/);
    await keypadKeys(page, [...APPLICANT.phone]);
    await scan();
    await next();
    await heading(/残疾人证/);
    await keypadPress(page, radio('是'));
    await next();
  });

  it('the other party: a name, the contact skipped (optional), the relation', async () => {
    await heading(/和您发生纠纷的是谁/);
    await page.getByRole('textbox', { name: '对方当事人' }).fill(OTHER_PARTY);
    await next();
    await heading(/对方的电话/);
    await scan();
    await skip();
    await heading(/对方住在哪里/);
    await skip();
    await heading(/什么关系/);
    await keypadPress(page, radio('邻居'));
    await next();
  });

  it('the dispute: type, description, the amount at stake', async () => {
    await heading(/什么样的纠纷/);
    await keypadPress(page, radio('邻里纠纷'));
    await next();
    await heading(/发生了什么/);
    await page.getByRole('textbox').first().fill(DESCRIPTION);
    await next();
    await heading(/涉及钱款/);
    await keypadPress(page, radio('是'));
    await next();
    await heading(/多少钱/);
    await keypadKeys(page, ['3', '0', '0', '0']);
    await next();
  });

  it('a court case is refused next to the field, announced and spoken, saying where to go instead', async () => {
    await heading(/已经做过什么/);
    await keypadPress(page, checkbox('已向法院起诉，法院已经受理或已经判决'));
    await next();
    await page.locator('.field-error', { hasText: COURT }).waitFor();
    await page.locator('.error-summary', { hasText: COURT }).waitFor();
    expect(await page.getByTestId('live-assertive').textContent()).toContain(COURT);
    expect(await said()).toContain('向受理案件的法院申请调解');
    await scan();
    await keypadPress(page, checkbox('已向法院起诉，法院已经受理或已经判决'));
    await keypadPress(page, checkbox('找过居委会或村委会'));
    await next();
  });

  it('time and place: a home visit at the address already given (nothing typed twice)', async () => {
    await heading(/在哪里调解/);
    await keypadPress(page, radio('上门调解（行动不便时）'));
    await scan();
    await next();
    await heading(/上门到您前面填写的住址/);
    await keypadPress(page, radio('是'));
    await next();
    await heading(/哪天调解/);
    await keypadKeys(page, [...'20991215']);
    await next();
    await heading(/上午还是下午/);
    await keypadPress(page, radio('下午'));
    await next();
    await heading(/调解时您需要哪些帮助/);
    await keypadPress(page, checkbox('手语翻译'));
    await keypadPress(page, checkbox('蒙古语调解'));
    await scan();
    await next();
    await heading(/还有什么/);
    await skip();
    await heading(/请确认您自愿申请调解/);
    expect(await said()).toContain('人民调解不收费，双方自愿');
    await keypadPress(page, radio('我自愿申请人民调解'));
    await next();
  });

  it('review, submit, the stored row; receipt and application printed and read back', async () => {
    await heading('请核对您的回答');
    for (const section of ['申请人', '对方当事人', '纠纷情况', '时间和地点', '确认'])
      await page.getByRole('heading', { name: section, exact: true }).waitFor();
    await scan();
    await keypadPress(page, button('提交申请'));
    await heading('申请已提交');
    const receiptNo = (await page.locator('#receipt-number').textContent()) ?? '';
    expect(receiptNo.length).toBeGreaterThan(4);
    await scan();

    const row = readSubmissions(host.dataDir).find((r) => r.template_id === 'mediation_request')!;
    expect(row.receipt_no).toBe(receiptNo);
    expect(row.sha256).toBe(sha256(row.payload));
    expect(row.priority).toBe(1);
    const { answers } = JSON.parse(row.payload) as { answers: Record<string, unknown> };
    expect(answers).toMatchObject({
      full_name: APPLICANT.name,
      other_party_name: OTHER_PARTY,
      tried_before: ['committee'],
      mediation_place: 'home_visit',
      visit_at_home_address: true,
      amount: 3000,
      accommodations: ['sign_language', 'mongolian'],
      voluntary: 'agree',
    });
    expect(answers).not.toHaveProperty('other_party_phone');
    expect(answers).not.toHaveProperty('visit_address');

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
    const application = texts.find((text) => text.includes('人民调解申请书'))!;
    const receipt = texts.find((text) => text !== application)!;
    expect(receipt).toContain(receiptNo);
    expect(receipt).toContain('调解不收费');
    expect(receipt).toContain('请带上：身份证');
    for (const shown of [
      receiptNo,
      APPLICANT.name,
      APPLICANT.residentId,
      OTHER_PARTY,
      '邻里纠纷',
      '找过居委会或村委会',
      '上门调解（行动不便时）',
      '蒙古语调解',
      '我自愿申请人民调解',
      '不收取任何费用（《人民调解法》第四条）',
    ])
      expect(application, shown).toContain(shown);
  });

  it('every form screen passed axe (WCAG A–AAA, 44 px targets)', () => {
    expect(axeByScreen.size).toBeGreaterThanOrEqual(8);
    for (const [title, violations] of axeByScreen) expect(violations, title).toEqual([]);
  });
});
