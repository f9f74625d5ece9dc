import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { MongolianKeyboard } from '../../../renderer/components/mongolian_keyboard/mongolian_keyboard';
import { PLAIN_ROWS, SHIFTED_ROWS } from '../../../renderer/components/mongolian_keyboard/mongolian_layout';
import { createI18n } from '../../../renderer/i18n/i18n';

function Harness({ maxLength, onDone = () => {} }: { maxLength?: number; onDone?: () => void }) {
  const [value, setValue] = useState('');
  return (
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <MongolianKeyboard value={value} onChange={setValue} onDone={onDone} maxLength={maxLength} />
      <p data-testid="value">{[...value].map((ch) => ch.codePointAt(0)!.toString(16)).join(' ')}</p>
    </I18nextProvider>
  );
}

const codes = () => screen.getByTestId('value').textContent;

describe('traditional Mongolian on-screen keyboard', () => {
  it('the layout covers every basic letter U+1820–U+1842 exactly once', () => {
    const letters = [...PLAIN_ROWS, ...SHIFTED_ROWS].flat().map((k) => k.letter.codePointAt(0)!);
    expect(letters.sort((a, b) => a - b)).toEqual(Array.from({ length: 0x23 }, (_, i) => 0x1820 + i));
  });

  it('touch: letters, the narrow no-break space and the vowel separator type; the preview is vertical Mongolian', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    for (const letter of ['ᠮ', 'ᠣ', 'ᠨ']) await user.click(screen.getByRole('button', { name: letter }));
    await user.click(screen.getByRole('button', { name: '更多字母' }));
    expect(screen.getByRole('button', { name: '更多字母' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'ᠩ' }));
    await user.click(screen.getByRole('button', { name: '窄空格（词尾）' }));
    await user.click(screen.getByRole('button', { name: '元音分隔符' }));
    await user.click(screen.getByRole('button', { name: '变体选择符一' }));
    expect(codes()).toBe('182e 1823 1828 1829 202f 180e 180b');
    const preview = screen.getByRole('status', { name: '已输入（竖排预览）' });
    expect(preview.querySelector('[lang="mn-Mong-CN"]')?.textContent).toBe('ᠮᠣᠨᠩ\u202f\u180e\u180b');
    await user.click(screen.getByRole('button', { name: '删除' }));
    expect(codes()).toBe('182e 1823 1828 1829 202f 180e');
  });

  it('keypad: arrows move among the keys, Enter presses; Done reports; the length limit holds', async () => {
    const user = userEvent.setup();
    let done = 0;
    render(<Harness maxLength={2} onDone={() => done++} />);
    screen.getByRole('button', { name: 'ᠴ' }).focus();
    await user.keyboard('{ArrowRight}{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'ᠸ' }));
    await user.keyboard('{ArrowDown}{Enter}{Enter}');
    expect(codes()).toBe('1838 1830');
    await user.click(screen.getByRole('button', { name: '空格' }));
    expect(codes()).toBe('1838 1830');
    await user.click(screen.getByRole('button', { name: '完成' }));
    expect(done).toBe(1);
    const key = screen.getByRole('button', { name: 'ᠠ' });
    expect(key.getAttribute('lang')).toBe('mn-Mong-CN');
  });
});
