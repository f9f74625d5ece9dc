import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../../common/forms/answers';
import { type Field, type Step, stepSchema } from '../../../common/forms/template_schema';
import { silentKit } from '../../../renderer/a11y/kit_context';
import { createI18n } from '../../../renderer/i18n/i18n';
import { StepControl } from '../../../renderer/screens/forms/controls/step_control';

const text = (zh: string) => ({ 'zh-CN': zh, en: zh });
const option = (value: string, zh: string) => ({ value, label: text(zh) });

function stepOf(field: Record<string, unknown>, label = '答案'): Step {
  return stepSchema.parse({ id: 'q', field, required: true, label: text(label), prompt: text('问题') });
}

function Harness({ step, initial = null }: { step: Step; initial?: AnswerValue | null }) {
  const [value, setValue] = useState<AnswerValue | null>(initial);
  return (
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <StepControl step={step} value={value} onChange={setValue} onDone={() => {}} sourceOptions={[]} />
      <p data-testid="value">{JSON.stringify(value)}</p>
    </I18nextProvider>
  );
}

function StarterHarness({ step }: { step: Step }) {
  const [answer, setAnswer] = useState<AnswerValue | null>(null);
  return (
    <>
      <StepControl
        step={step}
        value={answer}
        onChange={setAnswer}
        onDone={() => {}}
        sourceOptions={[]}
        starters={[text('单位拖欠我的工资。'), text('我想要回工资。')]}
      />
      <p data-testid="value">{JSON.stringify(answer)}</p>
    </>
  );
}

const value = () => JSON.parse(screen.getByTestId('value').textContent!);

describe('step control by field type', { timeout: 30_000 }, () => {
  it.each<[string, Partial<Field> & { type: Field['type'] }, string, string | null]>([
    ['text', { type: 'text', maxLength: 50 }, '屏幕键盘', null],
    ['address', { type: 'address' }, '屏幕键盘', null],
    ['number', { type: 'number', integer: true }, '数字键盘', null],
    ['date', { type: 'date' }, '数字键盘', '横线'],
    ['phone', { type: 'phone', accept: 'any' }, '数字键盘', '横线'],
    ['resident ID', { type: 'resident_id' }, '数字键盘', '字母X'],
    ['disability certificate', { type: 'disability_cert' }, '数字键盘', '字母X'],
  ])('%s: a labelled field with the right keyboard', async (_, field, keyboard, extraKey) => {
    render(<Harness step={stepOf(field, '字段')} />);
    expect(screen.getByRole('textbox', { name: '字段' })).toBeDefined();
    expect(screen.getByRole('group', { name: keyboard })).toBeDefined();
    if (extraKey) expect(screen.getByRole('button', { name: extraKey })).toBeDefined();
  });

  it('long text with common wording: one press fills the field, a second adds after it', async () => {
    const user = userEvent.setup();
    const step = stepOf({ type: 'long_text', maxLength: 500 }, '经过');
    render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <StarterHarness step={step} />
      </I18nextProvider>,
    );
    const group = screen.getByRole('group', { name: /常用说法/ });
    await user.click(within(group).getByRole('button', { name: '单位拖欠我的工资。' }));
    expect(value()).toBe('单位拖欠我的工资。');
    await user.click(within(group).getByRole('button', { name: '我想要回工资。' }));
    expect(value()).toBe('单位拖欠我的工资。我想要回工资。');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: '经过' }).value).toBe(value());
  });

  it('long text: a multi-line field with the full keyboard', () => {
    render(<Harness step={stepOf({ type: 'long_text', maxLength: 500 }, '经过')} />);
    const area = screen.getByRole('textbox', { name: '经过' });
    expect(area.tagName).toBe('TEXTAREA');
    expect(screen.getByRole('group', { name: '屏幕键盘' })).toBeDefined();
  });

  it('yes/no: two large radios that give a boolean', async () => {
    const user = userEvent.setup();
    render(<Harness step={stepOf({ type: 'yes_no' }, '是否持证')} />);
    expect(screen.getByRole('radiogroup', { name: '是否持证' })).toBeDefined();
    await user.click(screen.getByRole('radio', { name: '否' }));
    expect(value()).toBe(false);
    expect(screen.getByRole('radio', { name: '否' }).getAttribute('aria-checked')).toBe('true');
  });

  it('single choice: radios named by their option labels', async () => {
    const user = userEvent.setup();
    const field = { type: 'single_choice', options: [option('male', '男'), option('female', '女')] };
    render(<Harness step={stepOf(field, '性别')} />);
    await user.click(screen.getByRole('radio', { name: '女' }));
    expect(value()).toBe('female');
  });

  it('multiple choice: checkboxes; the "none" option excludes the others and the other way round', async () => {
    const user = userEvent.setup();
    const field = {
      type: 'multi_choice',
      options: [option('sign', '手语'), option('braille', '盲文'), option('none', '都不需要')],
      exclusiveOption: 'none',
    };
    render(<Harness step={stepOf(field, '便利服务')} />);
    expect(screen.getByRole('group', { name: '便利服务' })).toBeDefined();
    await user.click(screen.getByRole('checkbox', { name: '手语' }));
    await user.click(screen.getByRole('checkbox', { name: '盲文' }));
    expect(value()).toEqual(['sign', 'braille']);
    await user.click(screen.getByRole('checkbox', { name: '都不需要' }));
    expect(value()).toEqual(['none']);
    await user.click(screen.getByRole('checkbox', { name: '手语' }));
    expect(value()).toEqual(['sign']);
  });

  it('signature: a drawing box, or one press to sign with a mark (SVG path data either way)', async () => {
    const user = userEvent.setup();
    render(<Harness step={stepOf({ type: 'signature' }, '签名')} />);
    expect(screen.getByRole('img', { name: '签名框，尚未签名' })).toBeDefined();
    await user.click(screen.getByRole('button', { name: '确认并以记号签名' }));
    expect(value()).toMatch(/^[ML0-9 ]+$/);
    expect(screen.getByRole('img', { name: '签名框，已签名' })).toBeDefined();
    await user.click(screen.getByRole('button', { name: '重新签名' }));
    expect(value()).toBe('');
  });

  it.each<[string, Partial<Field> & { type: Field['type'] }, string, boolean]>([
    ['phone', { type: 'phone', accept: 'any' }, '13800138000', true],
    ['resident ID', { type: 'resident_id' }, '11010519491231002X', true],
    ['disability certificate', { type: 'disability_cert' }, '11010519491231002X42', true],
    ['address', { type: 'address' }, '昆都仑区钢铁大街', false],
  ])(
    '%s: focus speech reads the typed value only when the field is not personal',
    (_, field, typed, personal) => {
      render(<Harness step={stepOf(field, '字段')} initial={typed} />);
      const spoken = silentKit()
        .speech.describe(screen.getByRole('textbox', { name: '字段' }))
        .map((u) => u.text);
      expect(spoken.includes(typed)).toBe(!personal);
      expect(spoken.includes('spoken.value_private')).toBe(personal);
    },
  );

  it('shows the error next to the field and marks the field invalid', () => {
    const step = stepOf({ type: 'text', maxLength: 50 }, '姓名');
    render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <StepControl
          step={step}
          value=""
          onChange={() => {}}
          onDone={() => {}}
          error="请填写姓名"
          sourceOptions={[]}
        />
      </I18nextProvider>,
    );
    const field = screen.getByRole('textbox', { name: '姓名' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('请填写姓名').closest('[id]')?.id).toBe(
      field.getAttribute('aria-describedby')?.split(' ')[0],
    );
  });
});
