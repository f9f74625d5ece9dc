import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestCore } from '../../integration/forms/support';
import { fillLegalAid, LEGAL_AID_ANSWERS } from '../../integration/forms/support';
import { renderWithCore } from './forms_harness';

const LEGAL_AID_ID = String(LEGAL_AID_ANSWERS.find(([step]) => step === 'resident_id')![1]);

let core: TestCore | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

const heading = (name: string | RegExp) => screen.findByRole('heading', { level: 2, name });
const button = (name: string | RegExp) => screen.getByRole('button', { name });

describe('forms screens against a real core', { timeout: 60_000 }, () => {
  it('start page → first question; a refused answer is shown next to the field and announced, nothing stored', async () => {
    const user = userEvent.setup();
    const started = await renderWithCore();
    core = started.core;
    act(() => started.store.navigate({ name: 'form_start', templateId: 'legal_aid_application' }));
    await heading('法律援助申请');
    expect(screen.getByText('您的居民身份证')).toBeDefined();
    await user.click(button('开始填写'));
    // version 1.3.0 first asks who applies: the applicant or an agent or guardian for them
    await heading('这份申请是本人申请，还是由代理人或者监护人代为申请？');
    expect(screen.getByText(/^第 1 步，共 \d+ 步$/)).toBeDefined();
    await user.click(screen.getByRole('radio', { name: '本人申请' }));
    await user.click(button('下一步'));
    await heading('请输入您的姓名。');
    expect(screen.getByText(/^第 2 步，共 \d+ 步$/)).toBeDefined();

    const name = screen.getByRole('textbox', { name: '姓名' });
    await user.type(name, '<script>1');
    await user.click(button('下一步'));
    const alert = await screen.findByTestId('live-assertive');
    await waitFor(() => expect(alert.textContent).toMatch(/姓名只能包含文字/));
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(name.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent,
    ).toMatch(/姓名只能包含文字/);
    const state = started.store.getState().screen;
    if (state.name !== 'form_step') throw new Error('left the step');
    const draft = await core.call('forms.get_draft', { draftId: state.draftId });
    expect(draft.ok && draft.draft.answers.full_name).toBeFalsy();

    await user.clear(name);
    await user.type(name, '李明');
    await user.click(button('下一步'));
    await heading('您的性别是？');
    expect(screen.getByText(/^第 3 步/)).toBeDefined();
  });

  it('the certificate number is proposed from the ID number, category and level, and saved on "Next"', async () => {
    const user = userEvent.setup();
    const started = await renderWithCore();
    core = started.core;
    const draft = await core.call('forms.start_draft', { templateId: 'legal_aid_application' });
    if (!draft.ok) throw new Error('start failed');
    const { draftId } = draft.draft;
    const upTo = LEGAL_AID_ANSWERS.findIndex(([step]) => step === 'disability_cert_no');
    for (const [stepId, value] of LEGAL_AID_ANSWERS.slice(0, upTo))
      expect((await core.call('forms.save_answer', { draftId, stepId, value })).ok).toBe(true);
    act(() => started.store.navigate({ name: 'form_step', draftId, stepId: 'disability_cert_no' }));
    await heading('请输入 20 位残疾人证号。');
    expect(screen.getByRole('textbox', { name: '残疾人证号' })).toHaveProperty('value', `${LEGAL_AID_ID}42`);
    expect(screen.getByText(/已按您的身份证号码、残疾类别和残疾等级填好/)).toBeDefined();
    // "Next" is the first action after the answer: the nearest press for a keypad visitor
    const actions = document.querySelector('.forms-actions')!;
    expect(actions.querySelector('button')?.textContent).toBe('下一步');
    await user.click(button('下一步'));
    await heading('您需要哪一种法律援助？');
    const saved = await core.call('forms.get_draft', { draftId });
    expect(saved.ok && saved.draft.answers.disability_cert_no).toBe(`${LEGAL_AID_ID}42`);
  });

  it('review: grouped by section; "change" returns to the step and then back to the review; submit shows the receipt', async () => {
    const user = userEvent.setup();
    const started = await renderWithCore();
    core = started.core;
    const draftId = await fillLegalAid(core);
    act(() => started.store.navigate({ name: 'form_review', draftId }));
    await heading('请核对您的回答');
    for (const section of ['申请人基本信息', '残疾情况', '申请事项', '经济状况', '便利服务']) {
      expect(screen.getByRole('heading', { level: 3, name: section })).toBeDefined();
    }
    // personal numbers are masked on the review (issue 18): the last four, the whole number on "show"
    expect(screen.queryByText('13800000000')).toBeNull();
    expect(screen.queryByText(LEGAL_AID_ID)).toBeNull();
    const phoneAnswer = document.getElementById('review-answer-phone')!;
    expect(phoneAnswer.textContent).toContain('•••••••0000');
    await user.click(button('显示联系电话'));
    expect(phoneAnswer.textContent).toBe('13800000000');
    expect(screen.getByRole('button', { name: '隐藏联系电话' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('手语翻译、上门服务')).toBeDefined();

    await user.click(button('修改：联系电话'));
    await heading(/电话/);
    const phone = screen.getByRole('textbox', { name: '联系电话' });
    expect((phone as HTMLInputElement).value).toBe('13800000000');
    await user.click(button('清空'));
    for (const digit of '13912345678') await user.click(button(digit));
    await user.click(button('保存并返回核对页'));
    await heading('请核对您的回答');
    // back on the review the number is hidden again
    expect(document.getElementById('review-answer-phone')!.textContent).toContain('•••••••5678');
    await user.click(button('显示联系电话'));
    expect(screen.getByText('13912345678')).toBeDefined();
    expect(screen.queryByText('13800000000')).toBeNull();

    await user.click(button('提交申请'));
    await heading('申请已提交');
    const shown = started.store.getState().screen;
    if (shown.name !== 'form_receipt') throw new Error('not on the receipt screen');
    const summary = await core.call('forms.get_submission_summary', { uuid: shown.uuid });
    expect(summary.ok && document.getElementById('receipt-number')?.textContent).toBe(
      summary.ok && summary.summary.receiptNo,
    );
  });

  it('session end wipes a draft that was not kept, and keeps one that was', async () => {
    const started = await renderWithCore();
    core = started.core;
    act(() => started.store.navigate({ name: 'form_start', templateId: 'home_visit_booking' }));
    await heading(/上门/);
    const unkept = await core.call('forms.start_draft', { templateId: 'home_visit_booking' });
    const kept = await core.call('forms.start_draft', { templateId: 'home_visit_booking' });
    if (!unkept.ok || !kept.ok) throw new Error('start failed');
    await core.call('forms.keep_draft', { draftId: kept.draft.draftId });
    act(() => started.store.endSession());
    await waitFor(async () => {
      expect((await core!.call('forms.get_draft', { draftId: unkept.draft.draftId })).ok).toBe(false);
    });
    expect((await core.call('forms.get_draft', { draftId: kept.draft.draftId })).ok).toBe(true);
  });

  it('a printer failure is shown in large text and announced, never as success', async () => {
    const user = userEvent.setup();
    const printed: string[] = [];
    const started = await renderWithCore({
      print: async (doc) => {
        printed.push(doc.kind);
        return { ok: false, error: { reason: 'out_of_paper' } };
      },
    });
    core = started.core;
    const draftId = await fillLegalAid(core);
    const submitted = await core.call('forms.submit', { draftId });
    if (!submitted.ok) throw new Error('submit failed');
    act(() => started.store.navigate({ name: 'form_receipt', uuid: submitted.uuid }));
    await heading('申请已提交');
    await user.click(button(/打印回执/));
    const message = '打印机没有纸了，没能打印。请到前台请工作人员帮忙。您的申请已经保存。';
    const shown = await screen.findByText(message, { selector: '.print-outcome--failed' });
    expect(shown).toBeDefined();
    await waitFor(() => expect(screen.getByTestId('live-assertive').textContent).toBe(message));
    expect(screen.queryByText('回执已打印，请从出纸口取走。')).toBeNull();
    expect(printed).toEqual(['receipt']);
  });
});
