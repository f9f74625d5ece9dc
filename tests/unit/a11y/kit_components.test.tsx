import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { AccessibilityBar } from '../../../renderer/components/accessibility_bar';
import { ChoiceList } from '../../../renderer/components/choice_list';
import { Dialog } from '../../../renderer/components/dialog';
import { ErrorSummary } from '../../../renderer/components/error_summary';
import { KioskButton } from '../../../renderer/components/kiosk_button';
import { PagedList } from '../../../renderer/components/paged_list';
import { ScreenHeading } from '../../../renderer/components/screen_heading';
import { TextField } from '../../../renderer/components/text_field';
import { renderWithKit } from './kit_harness';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

function press(key: string, code = key) {
  fireEvent.keyDown(document.activeElement ?? document.body, { key, code });
}

function Question({ multiple }: { multiple?: boolean }) {
  const [one, setOne] = useState<'a' | 'b' | null>(null);
  const [many, setMany] = useState<('a' | 'b')[]>([]);
  const options = [
    { value: 'a' as const, label: '是', hint: '我有残疾证' },
    { value: 'b' as const, label: '否' },
  ];
  return multiple ? (
    <ChoiceList id="q" legend="可多选" multiple options={options} value={many} onChange={setMany} />
  ) : (
    <ChoiceList
      id="q"
      legend="您有残疾证吗？"
      options={options}
      value={one}
      onChange={setOne}
      error="请选择一项"
    />
  );
}

function WithDialog() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <KioskButton onPress={() => setOpen(true)}>打开</KioskButton>
      <KioskButton onPress={() => {}}>背后的按钮</KioskButton>
      <Dialog open={open} title="确认" onClose={() => setOpen(false)}>
        <KioskButton onPress={() => setOpen(false)}>好</KioskButton>
        <KioskButton onPress={() => {}}>再想想</KioskButton>
      </Dialog>
    </>
  );
}

function Form() {
  const [name, setName] = useState('');
  const [id, setId] = useState('110101199003071234');
  const [errors, setErrors] = useState<{ fieldId: string; message: string }[]>([]);
  return (
    <>
      <ErrorSummary errors={errors} />
      <TextField id="name" label="姓名" hint="与身份证一致" value={name} onChange={setName} />
      <TextField
        id="idno"
        label="身份证号"
        value={id}
        onChange={setId}
        privateValue
        inputMode="numeric"
        error={errors.length ? '请输入18位身份证号' : undefined}
      />
      <KioskButton onPress={() => setErrors([{ fieldId: 'idno', message: '请输入18位身份证号' }])}>
        下一步
      </KioskButton>
    </>
  );
}

describe('keypad focus movement and speech', () => {
  it('arrows move among visible enabled controls in reading order, wrapping; focusing speaks label and hint', () => {
    const harness = renderWithKit(
      <section>
        <ScreenHeading k="help.title" intro={[{ k: 'help.intro' }]} />
        <KioskButton onPress={() => {}}>第一</KioskButton>
        <KioskButton onPress={() => {}} disabled>
          不可用
        </KioskButton>
        <div hidden>
          <KioskButton onPress={() => {}}>隐藏</KioskButton>
        </div>
        <KioskButton onPress={() => {}} describedBy="hint-2">
          第二
        </KioskButton>
        <p id="hint-2">第二个的说明</p>
      </section>,
    );
    uninstall = harness.uninstall;
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: '使用帮助' }));
    expect(harness.spoken()).toEqual([
      '使用帮助',
      '您可以用手指点按屏幕上的按钮，也可以用按键操作。',
      expect.stringContaining('请用上下键选择'),
    ]);
    press('ArrowDown');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '第一' }));
    press('ArrowDown');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '第二' }));
    expect(harness.spoken().slice(-2)).toEqual(['第二', '第二个的说明']);
    press('ArrowDown');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '第一' }));
    press('ArrowUp');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '第二' }));
  });

  it('with speech off nothing is spoken; the speech key turns it on and says so', () => {
    const harness = renderWithKit(<KioskButton onPress={() => {}}>按钮</KioskButton>, { speechOn: false });
    uninstall = harness.uninstall;
    press('ArrowDown');
    expect(harness.spoken()).toEqual([]);
    press('F3');
    expect(harness.store.getState().settings.speechOn).toBe(true);
    expect(harness.spoken()).toEqual(['语音朗读已打开']);
  });

  it('keys for volume, rate, language and help change the session', () => {
    const harness = renderWithKit(<KioskButton onPress={() => {}}>按钮</KioskButton>);
    uninstall = harness.uninstall;
    const before = harness.store.getState().settings;
    press('F6');
    press('F8');
    press('+', 'NumpadAdd');
    expect(harness.store.getState().settings.volumeStep).toBe(before.volumeStep + 2);
    expect(harness.store.getState().settings.rateStep).toBe(before.rateStep + 1);
    expect(harness.spoken().at(-1)).toBe(`音量 ${before.volumeStep + 3}`);
    press('F2');
    expect(harness.store.getState().settings.language).toBe('en');
    press('F1');
    expect(harness.store.getState().screen).toEqual({ name: 'help' });
    press('Escape');
    expect(harness.store.getState().screen).toEqual({ name: 'home' });
  });
});

describe('ChoiceList', () => {
  it('single choice: a named radio group, Enter chooses, state is spoken', async () => {
    const user = userEvent.setup();
    const harness = renderWithKit(<Question />);
    uninstall = harness.uninstall;
    const group = screen.getByRole('radiogroup', { name: '您有残疾证吗？' });
    expect(group).toHaveProperty('ariaInvalid', 'true');
    expect(group.getAttribute('aria-describedby')).toContain('q-error');
    press('ArrowDown');
    const yes = screen.getByRole('radio', { name: '是' });
    expect(document.activeElement).toBe(yes);
    expect(harness.spoken().slice(-3)).toEqual(['是', '未选中', '我有残疾证']);
    await user.keyboard('{Enter}');
    expect(yes.getAttribute('aria-checked')).toBe('true');
    await user.click(screen.getByRole('radio', { name: '否' }));
    expect(yes.getAttribute('aria-checked')).toBe('false');
    expect(screen.getByRole('radio', { name: '否' }).getAttribute('aria-checked')).toBe('true');
  });

  it('multiple choice: checkboxes toggle independently', async () => {
    const user = userEvent.setup();
    const harness = renderWithKit(<Question multiple />);
    uninstall = harness.uninstall;
    await user.click(screen.getByRole('checkbox', { name: '是' }));
    await user.click(screen.getByRole('checkbox', { name: '否' }));
    await user.click(screen.getByRole('checkbox', { name: '是' }));
    expect(screen.getByRole('checkbox', { name: '是' }).getAttribute('aria-checked')).toBe('false');
    expect(screen.getByRole('checkbox', { name: '否' }).getAttribute('aria-checked')).toBe('true');
  });
});

describe('Dialog', () => {
  it('keeps focus inside while open, Back closes it and focus returns to the opener', async () => {
    const user = userEvent.setup();
    const harness = renderWithKit(<WithDialog />);
    uninstall = harness.uninstall;
    const opener = screen.getByRole('button', { name: '打开' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: '确认' });
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(harness.spoken().slice(-2)).toEqual(['确认', '好']);
    for (let i = 0; i < 5; i++) {
      press('ArrowDown');
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    expect(document.querySelector('.app')?.hasAttribute('inert')).toBe(true);
    press('Escape');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
    expect(document.querySelector('.app')?.hasAttribute('inert')).toBe(false);
    expect(harness.store.getState().screen).toEqual({ name: 'home' });
  });
});

describe('PagedList', () => {
  it('shows one page and a large "more" button; paging moves focus and announces the page', async () => {
    const user = userEvent.setup();
    const items = Array.from({ length: 10 }, (_, i) => `项目${i + 1}`);
    const harness = renderWithKit(
      <PagedList
        items={items}
        pageSize={4}
        label="列表"
        getKey={(item) => item}
        renderItem={(item) => <KioskButton onPress={() => {}}>{item}</KioskButton>}
      />,
    );
    uninstall = harness.uninstall;
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: '上一页' })).toBeNull();
    await user.click(screen.getByRole('button', { name: '更多（还有 6 项）' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '项目5' }));
    expect(screen.getByTestId('live-polite').textContent).toBe('第 2 页，共 3 页');
    await user.click(screen.getByRole('button', { name: '更多（还有 2 项）' }));
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /更多/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: '上一页' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '项目5' }));
  });
});

describe('TextField and errors', () => {
  it('speaks label, value state and hint; private values are not spoken; Backspace edits instead of going back', async () => {
    const user = userEvent.setup();
    const harness = renderWithKit(<Form />);
    uninstall = harness.uninstall;
    harness.store.navigate({ name: 'help' });
    const name = screen.getByRole('textbox', { name: '姓名' });
    await user.click(name);
    expect(harness.spoken().slice(-3)).toEqual(['姓名', '空白', '与身份证一致']);
    await user.keyboard('王五{Backspace}');
    expect((name as HTMLInputElement).value).toBe('王');
    expect(harness.store.getState().screen).toEqual({ name: 'help' });
    await user.click(screen.getByRole('textbox', { name: '身份证号' }));
    expect(harness.spoken().slice(-2)).toEqual(['身份证号', '已填写，内容不朗读']);
    expect(harness.spoken().join()).not.toContain('1101');
  });

  it('an error summary takes focus, is announced assertively and spoken, and leads to the field', async () => {
    const user = userEvent.setup();
    const harness = renderWithKit(<Form />);
    uninstall = harness.uninstall;
    await user.click(screen.getByRole('button', { name: '下一步' }));
    const summary = screen.getByRole('region', { name: '有 1 处需要修改' });
    expect(document.activeElement).toBe(summary);
    expect(screen.getByTestId('live-assertive').textContent).toContain('请输入18位身份证号');
    expect(harness.spoken()).toContain('有 1 处需要修改 请输入18位身份证号');
    const field = screen.getByRole('textbox', { name: '身份证号' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain('idno-error');
    await user.click(screen.getByRole('button', { name: '请输入18位身份证号' }));
    expect(document.activeElement).toBe(field);
    act(() => harness.kit.announcer.clear());
  });
});

describe('elder mode', () => {
  it('pages every PagedList (and so every ChoiceList) at four items at most', async () => {
    const user = userEvent.setup();
    const options = ['a', 'b', 'c', 'd', 'e', 'f'].map((value) => ({ value, label: `选项${value}` }));
    const harness = renderWithKit(
      <ChoiceList id="q" legend="问题" options={options} value={null} onChange={() => {}} />,
    );
    uninstall = harness.uninstall;
    expect(screen.getAllByRole('radio')).toHaveLength(6);
    act(() => harness.store.setElderMode(true));
    expect(screen.getAllByRole('radio')).toHaveLength(4);
    await user.click(screen.getByRole('button', { name: '更多（还有 2 项）' }));
    expect(screen.getAllByRole('radio')).toHaveLength(2);
  });
});

describe('pressing a control that changes itself', () => {
  it('says the new state; the speech button says "on" by its state and "off" before going quiet', async () => {
    const user = userEvent.setup();
    const harness = renderWithKit(<AccessibilityBar />, { speechOn: false });
    uninstall = harness.uninstall;
    const speechButton = screen.getByRole('button', { name: '语音朗读' });
    await user.click(speechButton);
    await waitFor(() => expect(harness.spoken()).toEqual(['语音朗读', '已打开']));
    await user.click(screen.getByRole('button', { name: /对比度/ }));
    await waitFor(() => expect(harness.spoken().at(-1)).toBe('对比度：黑底白字'));
    await user.click(speechButton);
    expect(harness.spoken().at(-1)).toBe('语音朗读已关闭');
    expect(harness.store.getState().settings.speechOn).toBe(false);
  });
});
