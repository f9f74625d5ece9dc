import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { LiveRegions } from '../../../renderer/components/live_regions';
import { OnScreenKeyboard } from '../../../renderer/components/onscreen_keyboard/onscreen_keyboard';
import { createI18n } from '../../../renderer/i18n/i18n';
import { loadRecognizer } from '../../../renderer/input/handwriting/handwriting_data';
import { loadPinyinEngine } from '../../../renderer/input/pinyin_index';

function Harness() {
  const [value, setValue] = useState('');
  return (
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <label>
        姓名
        <input value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <OnScreenKeyboard layout="text" value={value} onChange={setValue} onDone={() => {}} maxLength={20} />
      <LiveRegions />
    </I18nextProvider>
  );
}

const key = (name: string | RegExp) => screen.getByRole('button', { name });
const field = () => screen.getByRole<HTMLInputElement>('textbox', { name: '姓名' });
const area = () => screen.getByRole('img', { name: /手写区/ });
const candidates = () =>
  screen
    .queryAllByRole('button')
    .filter((b) => b.dataset.key?.startsWith('hw-candidate-'))
    .map((b) => b.textContent);

/** One stroke by pointer, through the points given (CSS pixels in the writing area). */
function stroke(points: [number, number][]) {
  const [first, ...rest] = points;
  fireEvent.pointerDown(area(), { pointerId: 1, clientX: first![0], clientY: first![1] });
  for (const [x, y] of rest) fireEvent.pointerMove(area(), { pointerId: 1, clientX: x, clientY: y });
  fireEvent.pointerUp(area(), { pointerId: 1 });
}

// The data chunks load when a pad first opens; loaded once here (computing 7,000 references takes a while).
beforeAll(() => Promise.all([loadRecognizer(), loadPinyinEngine()]), 60_000);

describe('handwriting pad', { timeout: 30_000 }, () => {
  it('is one switch-key press from pinyin; the method is said; strokes give candidates after each stroke', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    key('输入法：拼音。按此换成手写').focus();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('live-polite').textContent).toBe('现在是手写输入');
    expect(screen.getByRole('group', { name: '手写板' })).toBeDefined();
    await screen.findByText('请在手写区写一个字');
    // 三: three strokes across, the last the longest
    stroke([
      [60, 60],
      [100, 60],
      [140, 60],
    ]);
    expect(candidates().length).toBeGreaterThan(0);
    expect(screen.getByTestId('live-polite').textContent).toMatch(/^已写 1 笔，候选 /);
    stroke([
      [70, 100],
      [100, 100],
      [130, 100],
    ]);
    stroke([
      [40, 150],
      [100, 150],
      [160, 150],
    ]);
    await waitFor(() => expect(candidates()).toContain('三'));
    // each candidate says which character it is: a description, a word that uses it, or its pinyin
    expect(screen.getByRole('button', { name: /^三，/ }).getAttribute('lang')).toBe('zh-CN');
    await user.click(screen.getByRole('button', { name: /^三，/ }));
    expect(field().value).toBe('三');
    // choosing clears the writing area
    expect(candidates()).toEqual([]);
  });

  it('undo stroke takes back the last stroke; start again clears; both are off with nothing written', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(key('输入法：拼音。按此换成手写'));
    await screen.findByText('请在手写区写一个字');
    expect(key('退一笔').hasAttribute('disabled')).toBe(true);
    stroke([
      [50, 100],
      [150, 100],
    ]);
    stroke([
      [100, 50],
      [100, 150],
    ]);
    expect(screen.getByTestId('live-polite').textContent).toMatch(/^已写 2 笔/);
    await user.click(key('退一笔'));
    expect(screen.getByTestId('live-polite').textContent).toMatch(/^已写 1 笔/);
    await user.click(key('重写'));
    expect(candidates()).toEqual([]);
    expect(screen.getByTestId('live-polite').textContent).toBe('请在手写区写一个字');
  });

  it('describes a candidate where the catalog has a description: 鑫，三个金的鑫', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(key('输入法：拼音。按此换成手写'));
    await screen.findByText('请在手写区写一个字');
    // 金 written three times, stacked as in 鑫: one at the top, two below
    const jin = (ox: number, oy: number, size: number): [number, number][][] => [
      [
        [ox + size / 2, oy],
        [ox, oy + size * 0.4],
      ],
      [
        [ox + size / 2, oy],
        [ox + size, oy + size * 0.4],
      ],
      [
        [ox + size * 0.25, oy + size * 0.45],
        [ox + size * 0.75, oy + size * 0.45],
      ],
      [
        [ox + size * 0.2, oy + size * 0.65],
        [ox + size * 0.8, oy + size * 0.65],
      ],
      [
        [ox + size / 2, oy + size * 0.45],
        [ox + size / 2, oy + size * 0.95],
      ],
      [
        [ox + size * 0.3, oy + size * 0.75],
        [ox + size * 0.4, oy + size * 0.85],
      ],
      [
        [ox + size * 0.7, oy + size * 0.75],
        [ox + size * 0.6, oy + size * 0.85],
      ],
      [
        [ox, oy + size],
        [ox + size, oy + size],
      ],
    ];
    for (const s of [...jin(60, 10, 80), ...jin(10, 110, 80), ...jin(110, 110, 80)]) stroke(s);
    await waitFor(() => expect(candidates()).toContain('鑫'));
    expect(key('鑫，三个金的鑫')).toBeDefined();
  });
});
