import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { LiveRegions } from '../../../renderer/components/live_regions';
import {
  type KeyboardLayout,
  OnScreenKeyboard,
} from '../../../renderer/components/onscreen_keyboard/onscreen_keyboard';
import { createI18n } from '../../../renderer/i18n/i18n';
import { loadPinyinEngine } from '../../../renderer/input/pinyin_index';

function Harness({
  layout,
  maxLength = 50,
  privateValue,
}: {
  layout: KeyboardLayout;
  maxLength?: number;
  privateValue?: boolean;
}) {
  const [value, setValue] = useState('');
  const [done, setDone] = useState(false);
  return (
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <label>
        姓名
        <input value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <OnScreenKeyboard
        layout={layout}
        value={value}
        onChange={setValue}
        onDone={() => setDone(true)}
        maxLength={maxLength}
        privateValue={privateValue}
      />
      <p>{done ? 'finished' : 'editing'}</p>
      <LiveRegions />
    </I18nextProvider>
  );
}

const key = (name: string) => screen.getByRole('button', { name });
const field = () => screen.getByRole<HTMLInputElement>('textbox', { name: '姓名' });

// The index is its own chunk, loaded when a keyboard first needs it: loaded here once for all tests.
beforeAll(() => loadPinyinEngine(), 30_000);

// Role queries over ~50 keys are slow in jsdom on a loaded 2-core machine.
describe('on-screen keyboard, text layout', { timeout: 30_000 }, () => {
  it('types a Chinese name by pinyin: letters collect, one candidate converts the whole name', async () => {
    const user = userEvent.setup();
    render(<Harness layout="text" />);
    for (const letter of 'zhangsan') await user.click(key(letter));
    expect(screen.getByTestId('live-polite').textContent).toContain('zhang san');
    expect(screen.getAllByRole('button').find((b) => b.dataset.key === 'candidate-0')?.textContent).toBe(
      '张三',
    );
    await user.click(key('张三'));
    expect(field().value).toBe('张三');
    expect(screen.getByTestId('live-polite').textContent).toContain('张三');
  });

  it('converts a character at a time when the visitor picks one: the rest stays as pinyin', async () => {
    const user = userEvent.setup();
    render(<Harness layout="text" />);
    for (const letter of 'zhangsan') await user.click(key(letter));
    await user.click(key('下一页候选字'));
    await user.click(key('张'));
    expect(field().value).toBe('张');
    expect(screen.getByTestId('live-polite').textContent).toContain('san');
    await user.click(key('三'));
    expect(field().value).toBe('张三');
  });

  it('pages through candidates with large previous/next keys', async () => {
    const user = userEvent.setup();
    render(<Harness layout="text" />);
    for (const letter of 'shi') await user.click(key(letter));
    const firstPage = screen
      .getAllByRole('button')
      .filter((b) => b.dataset.key?.startsWith('candidate-'))
      .map((b) => b.textContent);
    expect(firstPage).toHaveLength(6);
    expect(screen.queryByRole('button', { name: '上一页候选字' })).toBeNull();
    await user.click(key('下一页候选字'));
    const secondPage = screen
      .getAllByRole('button')
      .filter((b) => b.dataset.key?.startsWith('candidate-'))
      .map((b) => b.textContent);
    expect(secondPage).not.toEqual(firstPage);
    await user.click(key('上一页候选字'));
    expect(screen.getByTestId('live-polite').textContent).toContain('第 1 页');
  });

  it('backspace removes pinyin letters first, then whole characters; clear empties everything', async () => {
    const user = userEvent.setup();
    render(<Harness layout="text" />);
    for (const letter of 'wang') await user.click(key(letter));
    await user.click(key('王'));
    for (const letter of 'li') await user.click(key(letter));
    await user.click(key('删除'));
    expect(screen.getByTestId('live-polite').textContent).toContain('拼音 l');
    await user.click(key('删除'));
    await user.click(key('删除'));
    expect(field().value).toBe('');
    await user.type(field(), 'Li Ming');
    await user.click(key('清空'));
    expect(field().value).toBe('');
  });

  it('switches to Latin letters and types capitals, digits and spaces; done finishes', async () => {
    const user = userEvent.setup();
    render(<Harness layout="text" />);
    await user.click(screen.getByRole('button', { name: /改为英文字母/ }));
    for (const letter of ['A', 'N', 'N', '空格', '2']) await user.click(key(letter));
    expect(field().value).toBe('ANN 2');
    await user.click(key('完成'));
    expect(screen.getByText('finished')).toBeDefined();
  });

  it("never grows the value past the field's maximum length", async () => {
    const user = userEvent.setup();
    render(<Harness layout="text" maxLength={2} />);
    for (const name of ['1', '2', '3']) await user.click(key(name));
    expect(field().value).toBe('12');
  });

  it('is operable by keypad: arrows move among keys, Enter presses, edges lead out of the keyboard', async () => {
    const user = userEvent.setup();
    render(<Harness layout="text" />);
    const grid = screen.getByRole('group', { name: '屏幕键盘' });
    // one key is in the tab order: the keyboard is one stop, arrows do the rest
    expect([...grid.querySelectorAll('button')].filter((b) => b.tabIndex === 0)).toHaveLength(1);
    key('q').focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(key('w'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe('s');
    await user.keyboard('{Enter}{ArrowUp}{ArrowUp}');
    expect(document.activeElement?.closest('fieldset')).toBe(grid);
    // after "s" the candidate row appeared above the digits; up from the digits reaches it
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement?.getAttribute('data-key')).toMatch(/^candidate-/);
    await user.keyboard('{Enter}');
    expect(field().value).toHaveLength(1);
    // the candidate row vanished with the pinyin: focus goes back to the letter just typed, where the next
    // word starts from (not the keyboard's first key), and never falls to the page
    expect(document.activeElement).toBe(key('s'));
    key('1').focus();
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(field());
  });
});

describe('on-screen keyboard, number pad', { timeout: 30_000 }, () => {
  it('enters an ID number with X and reports only its length when private', async () => {
    const user = userEvent.setup();
    render(<Harness layout="id_number" maxLength={18} privateValue />);
    for (const digit of '15020319900307123') await user.click(key(digit));
    await user.click(key('字母X'));
    expect(field().value).toBe('15020319900307123X');
    expect(screen.getByTestId('live-polite').textContent).toBe('已输入 18 位');
    expect(screen.getByTestId('live-polite').textContent).not.toContain('1502');
    await user.click(key('删除'));
    expect(field().value).toBe('15020319900307123');
  });

  it('has a dash for phones and no letter key for plain numbers', () => {
    const { unmount } = render(<Harness layout="phone" />);
    expect(key('横线')).toBeDefined();
    unmount();
    render(<Harness layout="number" />);
    expect(screen.queryByRole('button', { name: '字母X' })).toBeNull();
    expect(screen.getByRole('group', { name: '数字键盘' })).toBeDefined();
  });

  it('moves between pad keys with arrows', async () => {
    const user = userEvent.setup();
    render(<Harness layout="id_number" />);
    key('5').focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(key('0'));
    await user.keyboard('{ArrowLeft}{Enter}');
    expect(field().value).toBe('X');
  });
});
