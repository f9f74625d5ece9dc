import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../../common/forms/answers';
import { hashPin } from '../../../core/pins/pin_hash';
import { LEGAL_AID_ANSWERS } from '../../integration/forms/support';
import {
  navigate,
  openKiosk,
  speechLog,
  spokenText,
  turnSpeechOn,
  writeTestConfig,
} from '../a11y/kiosk_page';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';
import { readDraftAnswers, readSubmissions, spooledTexts, withCheckDigit } from './form_data';
import { keypadFocus, keypadKeys, keypadPinyin, keypadPress } from './keypad';

/**
 * Legal-aid application 1.3.0 (issue 22), one branch per test, keypad only from the branch's first question:
 * an agent applies (and the printed application shows the agent section), an art. 32 group skips the means
 * test and says so, a near hearing raises the priority that the front desk sees and hears, a guardian
 * applies with the proof of guardianship, and the capacity matter asks whose capacity.
 */
const PIN = '730519';
const AGENT = { name: '王芳', id: withCheckDigit('15020219800101002'), phone: '13712345678' };

let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;
const violations = new Map<string, unknown[]>();

const heading = (text: string | RegExp) => page.locator('#screen-heading', { hasText: text }).waitFor();
const button = (name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });
const radio = (name: string) => page.getByRole('radio', { name, exact: true });
const next = () => keypadPress(page, button('下一步'));
const said = () => spokenText(page);
const digits = (text: string) => [...text].map((ch) => (ch === 'X' ? '字母X' : ch));

async function scan(): Promise<void> {
  const title = (await page.locator('#screen-heading').textContent()) ?? '';
  violations.set(title, await runAxe(page));
}

/** The visitor's earlier answers, given through the dev host's RPC (the branch itself is done by keypad). */
async function rpc(method: string, args: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${host.origin}/rpc`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ method, args }),
  });
  const body = (await response.json()) as { ok: boolean; value?: Record<string, unknown> };
  if (!body.ok || body.value?.ok === false) throw new Error(`${method} ${JSON.stringify(body)}`);
  return body.value!;
}

async function answer(draftId: string, answers: readonly (readonly [string, AnswerValue])[]): Promise<void> {
  for (const [stepId, value] of answers) await rpc('forms.save_answer', { draftId, stepId, value });
}

/**
 * A new draft with the answers given up to (not including) a step, `change` replacing some (null: not
 * answered); the page opens that step. `skip` leaves out answers (given later, or by keypad).
 */
async function draftUpTo(
  stepId: string,
  change: Record<string, AnswerValue | null> = {},
  until = LEGAL_AID_ANSWERS.findIndex(([id]) => id === stepId),
): Promise<string> {
  const started = (await rpc('forms.start_draft', { templateId: 'legal_aid_application' })) as {
    draft: { draftId: string };
  };
  const draftId = started.draft.draftId;
  const given = LEGAL_AID_ANSWERS.slice(0, until)
    .map(([id, value]) => [id, id in change ? change[id]! : value] as const)
    .filter((pair): pair is readonly [string, AnswerValue] => pair[1] !== null);
  await answer(draftId, given);
  await navigate(page, { name: 'form_step', draftId, stepId });
  return draftId;
}

/** A new visitor: the session ends (drafts wiped), speech is turned on again by the keypad's key. */
async function newVisitor(): Promise<void> {
  await page.evaluate(() => window.__kioskDebug!.store.endSession());
  await heading('请选择服务');
  await turnSpeechOn(page);
}

/** Submits from the review by keypad; the stored submission row (read from SQLite as staff tools do). */
async function submit(): Promise<{ receiptNo: string; priority: number; answers: Record<string, unknown> }> {
  await keypadPress(page, button('提交申请'));
  await heading('申请已提交');
  const receiptNo = (await page.locator('#receipt-number').textContent()) ?? '';
  const row = readSubmissions(host.dataDir).find((r) => r.receipt_no === receiptNo)!;
  return { receiptNo, priority: row.priority, answers: JSON.parse(row.payload).answers };
}

function currentDraftId(): Promise<string> {
  return page.evaluate(() => {
    const screen = window.__kioskDebug!.store.getState().screen as { draftId?: string };
    return screen.draftId ?? '';
  });
}

/** `YYYYMMDD` of a day some days from now in Baotou time (UTC+8). */
function daysAhead(days: number): string {
  const day = new Date(Date.now() + 8 * 3600_000 + days * 86_400_000);
  return day.toISOString().slice(0, 10).replaceAll('-', '');
}

beforeAll(async () => {
  const configPath = writeTestConfig({ staff: { id: 'desk-e2e', pinHash: hashPin(PIN) } });
  host = await startDevHost({ configPath });
  browser = await launchChromium();
  page = await browser.newPage();
  await openKiosk(page, host);
  await turnSpeechOn(page);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('legal aid 1.3.0 branches, keypad only (dev host, Chromium)', () => {
  it('an agent applies for the applicant: the agent section, a refused name that loses nothing, the papers, the print', async () => {
    // the applicant's own answers are given first (as a self application); who applies is then chosen by keypad
    const draftId = await draftUpTo('filer_role', { filer_role: null }, LEGAL_AID_ANSWERS.length);
    await heading('这份申请是本人申请，还是由代理人或者监护人代为申请？');
    expect(await said()).toContain('这份申请是本人申请');
    await scan();
    await keypadPress(page, radio('委托代理人代为申请'));
    await next();

    await heading('请输入代为申请的人（代理人或者监护人）的姓名。');
    const name = page.getByRole('textbox', { name: '代理人或监护人姓名' });
    // hostile input: a clear error next to the field, announced; the earlier answer is kept
    await name.fill('<script>alert(1)</script>');
    await next();
    await page.locator('.field-error', { hasText: /姓名只能包含文字/ }).waitFor();
    expect(await page.getByTestId('live-assertive').textContent()).toMatch(/姓名只能包含文字/);
    expect(await currentDraftId()).toBe(draftId);
    expect(readDraftAnswers(host.dataDir)[0]).toMatchObject({ filer_role: 'agent' });
    expect(JSON.stringify(readDraftAnswers(host.dataDir))).not.toContain('<script');
    await scan();
    await keypadPress(page, button('清空'));
    await keypadPinyin(page, 'wang', '王');
    await keypadPinyin(page, 'fang', '芳');
    expect(await name.inputValue()).toBe(AGENT.name);
    await next();

    await heading(/代理人或者监护人的 18 位身份证号码/);
    await keypadKeys(page, digits(AGENT.id));
    expect(await page.getByTestId('live-polite').textContent()).toBe('已输入 18 位');
    await scan();
    await next();
    await heading(/代理人或者监护人的联系电话/);
    await keypadKeys(page, [...AGENT.phone]);
    await next();
    await heading('代理人或者监护人是申请人的什么人？');
    await keypadPress(page, radio('其他（如朋友、同事、社会工作者）'));
    await scan();
    await next();
    // then the applicant's questions, answered before: the name is there
    await heading('请输入您的姓名。');
    expect(await page.getByRole('textbox', { name: '姓名' }).inputValue()).toBe('张示例');
    await navigate(page, { name: 'form_review', draftId });
    await heading('请核对您的回答');
    await page.getByRole('heading', { name: '申请方式' }).waitFor();
    await page.getByText('委托代理人代为申请').first().waitFor();
    // the agent's ID number is personal: masked on the review
    expect(await page.getByText(AGENT.id).count()).toBe(0);
    const papers = page.getByRole('region', { name: '请带上这些材料' });
    await papers.waitFor();
    const listed = await papers.getByRole('listitem').allTextContents();
    expect(listed).toEqual(
      expect.arrayContaining([
        '授权委托书（申请人签名或者按指印）',
        '代理人的居民身份证',
        '申请人的残疾人证',
      ]),
    );
    expect(listed.join('|')).not.toContain('监护');
    await scan();

    const { receiptNo, answers } = await submit();
    // the receipt screen repeats the papers to bring
    await page
      .getByRole('region', { name: '请带上这些材料' })
      .getByText('授权委托书（申请人签名或者按指印）')
      .waitFor();
    await scan();
    expect(answers).toMatchObject({
      filer_role: 'agent',
      filer_name: AGENT.name,
      filer_resident_id: AGENT.id,
      filer_phone: AGENT.phone,
      filer_relation: 'other',
    });
    await keypadPress(page, button('打印申请表'));
    await page
      .locator('#print-outcome-application', { hasText: '申请表已打印，请从出纸口取走。' })
      .waitFor({ timeout: 30_000 });
    const application = [...spooledTexts(host.dataDir).values()]
      .map((text) => text.replace(/\s+/g, ''))
      .find((text) => text.includes(receiptNo) && text.includes('代为申请人'));
    expect(application, 'the printed application has the agent section').toBeDefined();
    for (const text of [
      '代为申请人（代理人或者监护人）',
      '委托代理人代为申请',
      AGENT.name,
      AGENT.id,
      AGENT.phone,
    ]) {
      expect(application).toContain(text);
    }
    expect(application).toContain('需要提交的材料');
    expect(application).toContain('授权委托书（申请人签名或者按指印）');
  });

  it('an art. 32 group: the hardship questions are skipped, the screen says so, its proof is listed', async () => {
    await newVisitor();
    const draftId = await draftUpTo('art32_group');
    await heading('您的申请属于下面的情形之一吗？');
    await scan();
    await keypadPress(page, radio('遭受虐待、遗弃或者家庭暴力的受害人主张相关权益'));
    await next();
    await heading(/属于《法律援助法》第三十二条/);
    expect(await said()).toContain('不受经济困难条件的限制');
    await page.getByText(/经济状况的问题已经跳过，不用回答/).waitFor();
    await scan();
    await keypadPress(page, radio('知道了，继续'));
    await next();
    // straight to the accommodations: neither art. 42, the household nor the honesty commitment is asked
    await heading(/需要哪些帮助/);
    await keypadPress(page, page.getByRole('checkbox', { name: '手语翻译' }));
    await next();
    await heading(/哪位律师/);
    await keypadPress(page, radio('不指定，由法律援助机构指派'));
    await next();
    await heading(/签名/);
    await keypadPress(page, button('跳过这一项'));
    await heading('请核对您的回答');
    expect(await page.getByText('家庭人口').count()).toBe(0);
    expect(await page.getByText('个人诚信承诺').count()).toBe(0);
    const listed = await page
      .getByRole('region', { name: '请带上这些材料' })
      .getByRole('listitem')
      .allTextContents();
    expect(listed.join('|')).toContain('遭受虐待、遗弃或者家庭暴力的材料');
    const { answers } = await submit();
    expect(answers).toMatchObject({ art32_group: 'abuse_violence', art32_notice: 'understood' });
    for (const id of ['art42_group', 'household_size', 'honesty_commitment'])
      expect(answers).not.toHaveProperty(id);
    expect(draftId).toBeTruthy();
  });

  it('a hearing soon: yes and the date raise the priority; the staff list shows and speaks 优先', async () => {
    await newVisitor();
    // no disability certificate: the priority can only come from the hearing date
    const draftId = await draftUpTo('urgent_deadline', {
      has_disability_cert: false,
      disability_category: null,
      disability_level: null,
      disability_cert_no: null,
    });
    await heading('近期是否有开庭，或者某个期限、诉讼时效快要到了？');
    await scan();
    await keypadPress(page, radio('是'));
    await next();
    await heading('开庭或者期限届满是哪一天？');
    await keypadKeys(page, [...daysAhead(5)]);
    await next();
    await heading(/对方是谁/);
    const rest = LEGAL_AID_ANSWERS.slice(LEGAL_AID_ANSWERS.findIndex(([id]) => id === 'other_party')).map(
      ([id, value]) => [id, id === 'art42_group' ? ['no_income_elderly'] : value] as const,
    );
    await answer(draftId, rest);
    await navigate(page, { name: 'form_review', draftId });
    await heading('请核对您的回答');
    await page.getByText('这份申请会被标记为优先办理：开庭、期限或者时效临近。').waitFor();
    const { receiptNo, priority } = await submit();
    expect(priority).toBe(1);

    // the front desk: staff mode (the service keyboard's chord, then the PIN), this terminal's list
    for (const key of ['F10', 'F12', 'F10', 'F12']) await page.keyboard.press(key);
    await page.getByRole('heading', { name: '工作人员模式' }).waitFor();
    await page.getByLabel('工作人员密码').fill(PIN);
    await page.getByRole('button', { name: '打开', exact: true }).click();
    await page.getByRole('heading', { name: '本终端的申请' }).waitFor();
    const item = page.getByRole('button', { name: new RegExp(receiptNo) });
    await item.waitFor();
    expect(await item.getAttribute('aria-label').then((label) => label ?? item.textContent())).toContain(
      '优先',
    );
    await expect.poll(() => item.locator('.staff-priority').isVisible()).toBe(true);
    // the marker is spoken when the keypad reaches the item
    const before = (await speechLog(page)).length;
    await keypadFocus(page, item);
    await expect
      .poll(async () =>
        (await speechLog(page))
          .slice(before)
          .map((entry) => entry.text)
          .join('|'),
      )
      .toMatch(/优先/);
  });

  it('a guardian applies: the guardianship proof chosen by keypad decides the papers, nothing of an agent', async () => {
    await newVisitor();
    const draftId = await draftUpTo('filer_role', { filer_role: null }, LEGAL_AID_ANSWERS.length);
    await heading('这份申请是本人申请，还是由代理人或者监护人代为申请？');
    await keypadPress(page, radio('监护人（法定代理人）代为申请'));
    await next();
    await heading('请输入代为申请的人（代理人或者监护人）的姓名。');
    // the guardian's identity is typed as the agent's is (tested above): given here, then on by keypad
    await answer(draftId, [
      ['filer_name', AGENT.name],
      ['filer_resident_id', AGENT.id],
      ['filer_phone', AGENT.phone],
    ]);
    await navigate(page, { name: 'form_step', draftId, stepId: 'filer_relation' });
    await heading('代理人或者监护人是申请人的什么人？');
    await keypadPress(page, radio('父母'));
    await next();
    await heading('用哪种材料证明监护关系？');
    await scan();
    await keypadPress(page, radio('户口簿（能显示监护关系）'));
    await next();
    await heading('请输入您的姓名。');
    await navigate(page, { name: 'form_review', draftId });
    await heading('请核对您的回答');
    const listed = await page
      .getByRole('region', { name: '请带上这些材料' })
      .getByRole('listitem')
      .allTextContents();
    expect(listed).toEqual(expect.arrayContaining(['监护关系证明：户口簿', '监护人的居民身份证']));
    expect(listed.join('|')).not.toContain('授权委托书');
    expect(listed.join('|')).not.toContain('人民法院指定监护的文书');
    const { answers } = await submit();
    expect(answers).toMatchObject({
      filer_role: 'guardian',
      filer_relation: 'parent',
      guardian_proof: 'household_register',
    });
  });

  it('the capacity matter: whose capacity, their relation, the common wording, the medical papers', async () => {
    await newVisitor();
    const draftId = await draftUpTo('matter_cause');
    await heading('您的事情属于哪一类？');
    // the matter is on the list's second page
    await keypadPress(page, button(/^更多（还有 \d+ 项）$/));
    await keypadPress(page, radio('请求认定公民无民事行为能力或者限制民事行为能力'));
    await next();
    await heading(/请求认定哪一位公民无民事行为能力或者限制民事行为能力/);
    await scan();
    await keypadPinyin(page, 'zhangsan', '张三');
    await next();
    await heading('这位公民是申请人的什么人？');
    await keypadPress(page, radio('父母'));
    await next();
    await heading(/到了哪一步/);
    await keypadPress(page, radio('还没有起诉或申请仲裁'));
    await next();
    await heading(/近期是否有开庭/);
    await keypadPress(page, radio('否'));
    await next();
    await heading(/对方是谁/);
    await keypadPress(page, button('跳过这一项'));
    // the description: the wording offered for this matter, one press, then on
    await heading(/发生了什么/);
    const wording = '我想请求法院认定家人无民事行为能力或者限制民事行为能力。';
    await scan();
    await keypadPress(page, button(wording));
    expect(await page.getByRole('textbox', { name: '案情简述' }).inputValue()).toBe(wording);
    await next();
    await heading(/您的申请属于下面的情形之一吗/);
    const rest = LEGAL_AID_ANSWERS.slice(LEGAL_AID_ANSWERS.findIndex(([id]) => id === 'art32_group'));
    await answer(draftId, rest);
    await navigate(page, { name: 'form_review', draftId });
    await heading('请核对您的回答');
    const listed = await page
      .getByRole('region', { name: '请带上这些材料' })
      .getByRole('listitem')
      .allTextContents();
    expect(listed).toContain('被请求认定的人的病历、诊断证明或者鉴定意见等材料');
    const { answers } = await submit();
    expect(answers).toMatchObject({
      matter_cause: 'legal_capacity',
      capacity_person_name: '张三',
      capacity_person_relation: 'parent',
      matter_description: wording,
    });
  });

  it('every new screen passed axe (WCAG A–AAA, 44 px targets)', () => {
    expect(violations.size).toBeGreaterThanOrEqual(7);
    for (const [title, found] of violations) expect(found, title).toEqual([]);
  });
});
