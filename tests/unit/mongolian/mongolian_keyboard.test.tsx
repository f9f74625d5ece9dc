import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { TerminalInfo } from '../../../common/contract/system_methods';
import type { Language } from '../../../common/languages';
import { AppContext } from '../../../renderer/app_context';
import { LiveRegions } from '../../../renderer/components/live_regions';
import { MongolianKeyboard } from '../../../renderer/components/mongolian_keyboard/mongolian_keyboard';
import { PLAIN_ROWS, SHIFTED_ROWS } from '../../../renderer/components/mongolian_keyboard/mongolian_layout';
import { OnScreenKeyboard } from '../../../renderer/components/onscreen_keyboard/onscreen_keyboard';
import { createI18n } from '../../../renderer/i18n/i18n';
import { ScriptText } from '../../../renderer/i18n/script_text';
import { FormsSession } from '../../../renderer/screens/forms/forms_session';
import type { SessionStore } from '../../../renderer/state/session_store';

function Harness({ maxLength, onDone = () => {} }: { maxLength?: number; onDone?: () => void }) {
  const [value, setValue] = useState('');
  return (
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <MongolianKeyboard value={value} onChange={setValue} onDone={onDone} maxLength={maxLength} />
      <p data-testid="value">{[...value].map((ch) => ch.codePointAt(0)!.toString(16)).join(' ')}</p>
      <LiveRegions />
    </I18nextProvider>
  );
}

/** The form's text keyboard (layout "text") in a session of the given language, over a labelled field. */
function FormHarness({ language }: { language: Language }) {
  const [value, setValue] = useState('');
  return (
    <I18nextProvider i18n={createI18n(language)}>
      <label>
        name
        <input value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <OnScreenKeyboard layout="text" value={value} onChange={setValue} onDone={() => {}} maxLength={20} />
      <p data-testid="value">{[...value].map((ch) => ch.codePointAt(0)!.toString(16)).join(' ')}</p>
    </I18nextProvider>
  );
}

const codes = () => screen.getByTestId('value').textContent;
const key = (name: string) => screen.getByRole('button', { name });
const letter = (name: string) => key(`蒙古文字母 ${name}`);

/**
 * The letter keys of the Windows "Traditional Mongolian (Standard)" layout (KBDMONST, KLID 00010850) as
 * published (Keyman's import of KBDMONST.DLL): Latin key → code point. Capital = with Shift.
 */
const KBDMONST: Record<string, number> = {
  q: 0x1823,
  w: 0x1838,
  e: 0x1821,
  r: 0x1837,
  t: 0x1832,
  y: 0x1836,
  u: 0x1826,
  i: 0x1822,
  o: 0x1825,
  p: 0x182b,
  a: 0x1820,
  s: 0x1830,
  d: 0x1833,
  f: 0x1839,
  g: 0x182d,
  h: 0x182c,
  j: 0x1835,
  k: 0x183a,
  l: 0x182f,
  z: 0x183d,
  x: 0x1831,
  c: 0x1834,
  v: 0x1824,
  b: 0x182a,
  n: 0x1828,
  m: 0x182e,
  Q: 0x1842,
  E: 0x1827,
  R: 0x183f,
  H: 0x183e,
  K: 0x183b,
  L: 0x1840,
  Z: 0x1841,
  C: 0x183c,
  N: 0x1829,
};

// Role queries over ~50 keys are slow in jsdom on a loaded 2-core machine.
describe('traditional Mongolian on-screen keyboard', { timeout: 30_000 }, () => {
  it('the layout covers every basic letter U+1820–U+1842 exactly once, on the Windows Standard positions', () => {
    const keys = [...PLAIN_ROWS, ...SHIFTED_ROWS].flat();
    const letters = keys.map((k) => k.letter.codePointAt(0)!);
    expect(letters.sort((a, b) => a - b)).toEqual(Array.from({ length: 0x23 }, (_, i) => 0x1820 + i));
    expect(Object.fromEntries(keys.map((k) => [k.latin, k.letter.codePointAt(0)]))).toEqual(KBDMONST);
    // shifted letters sit on the capital of a key that has an unshifted letter too
    for (const k of SHIFTED_ROWS.flat()) expect(KBDMONST[k.latin.toLowerCase()]).toBeDefined();
  });

  it('touch: letters by their spoken names, the narrow no-break space and the vowel separator type; the preview is vertical Mongolian', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    for (const name of ['ma', 'o', 'na']) await user.click(letter(name));
    await user.click(key('更多字母'));
    expect(key('更多字母').getAttribute('aria-pressed')).toBe('true');
    await user.click(letter('ang'));
    await user.click(key('窄空格（词尾）'));
    await user.click(key('元音分隔符'));
    await user.click(key('变体选择符一'));
    expect(codes()).toBe('182e 1823 1828 1829 202f 180e 180b');
    const preview = screen.getByRole('status', { name: '已输入（竖排预览）' });
    expect(preview.querySelector('[lang="mn-Mong-CN"]')?.textContent).toBe('ᠮᠣᠨᠩ\u202f\u180e\u180b');
    await user.click(key('删除'));
    expect(codes()).toBe('182e 1823 1828 1829 202f 180e');
  });

  it('each key is named aloud by its letter name in a language with a voice, shows the letter, and each press is told', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const ma = letter('ma');
    expect(ma.getAttribute('lang')).toBe('zh-CN');
    expect(ma.querySelector('[lang="mn-Mong-CN"]')?.textContent).toBe('ᠮ');
    await user.click(ma);
    expect(screen.getByTestId('live-polite').textContent).toBe('输入了 蒙古文字母 ma，共 1 个字符');
    await user.click(key('删除'));
    expect(screen.getByTestId('live-polite').textContent).toBe('已删除，还有 0 个字符');
  });

  it('keypad: arrows move among the keys, Enter presses; Done reports; the length limit holds and is told', async () => {
    const user = userEvent.setup();
    let done = 0;
    render(<Harness maxLength={2} onDone={() => done++} />);
    letter('o').focus();
    await user.keyboard('{ArrowRight}{Enter}');
    expect(document.activeElement).toBe(letter('wa'));
    await user.keyboard('{ArrowDown}{Enter}{Enter}');
    expect(codes()).toBe('1838 1830');
    await user.click(key('空格'));
    expect(codes()).toBe('1838 1830');
    expect(screen.getByTestId('live-polite').textContent).toBe('已达到最多 2 个字符');
    await user.click(key('完成'));
    expect(done).toBe(1);
  });
});

describe('the form text keyboard: one keyboard with a layout choice', { timeout: 30_000 }, () => {
  const layout = () => document.querySelector('[data-layout]')?.getAttribute('data-layout');
  const switchKey = () => document.querySelector<HTMLButtonElement>('button[data-key="layout"]')!;

  it('a Mongolian session starts on the Mongolian layout; the switch key cycles through every method and back, keypad only, focus kept', async () => {
    const user = userEvent.setup();
    render(<FormHarness language="mn-Mong-CN" />);
    expect(layout()).toBe('mongolian');
    switchKey().focus();
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      await user.keyboard('{Enter}');
      seen.push(layout()!);
      expect(document.activeElement).toBe(switchKey());
    }
    expect(seen).toEqual(['numbers', 'pinyin', 'handwriting', 'mongolian']);
    // from the switch key, arrows reach a letter
    await user.keyboard('{ArrowUp}{ArrowUp}{Enter}');
    expect(codes()).toMatch(/^18[2-4][0-9a-f]$/);
  });

  it('a Chinese session starts on pinyin; pinyin letters still pending are kept when switching on', async () => {
    const user = userEvent.setup();
    render(<FormHarness language="zh-CN" />);
    expect(layout()).toBe('pinyin');
    await user.click(key('l'));
    await user.click(key('输入法：拼音。按此换成手写'));
    expect(codes()).toBe('6c');
    expect(layout()).toBe('handwriting');
    await user.click(key('输入法：手写。按此换成蒙古文'));
    await user.click(letter('a'));
    expect(codes()).toBe('6c 1820');
  });
});

describe('a terminal without Mongolian', { timeout: 30_000 }, () => {
  it('offers pinyin, handwriting and numbers only', async () => {
    const user = userEvent.setup();
    const terminal = { languages: ['zh-CN', 'en'] } as unknown as TerminalInfo;
    render(
      <AppContext.Provider value={{ store: {} as SessionStore, terminal, forms: new FormsSession() }}>
        <FormHarness language="zh-CN" />
      </AppContext.Provider>,
    );
    const switchKey = () => document.querySelector<HTMLButtonElement>('button[data-key="layout"]')!;
    switchKey().focus();
    const seen: (string | null | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      await user.keyboard('{Enter}');
      seen.push(document.querySelector('[data-layout]')?.getAttribute('data-layout'));
    }
    expect(seen).toEqual(['handwriting', 'numbers', 'pinyin']);
  });
});

describe('typed answers in Mongolian script', () => {
  it('are marked mn-Mong-CN as a Mongolian run whatever the session; Chinese is marked zh-CN, Latin not at all', () => {
    render(
      <>
        <ScriptText text="ᠪᠠᠲᠤ" id="a" />
        <ScriptText text="李明" id="b" />
        <ScriptText text="Li Ming" id="c" />
      </>,
    );
    expect(document.getElementById('a')?.getAttribute('lang')).toBe('mn-Mong-CN');
    expect(document.getElementById('a')?.className).toContain('mn-run');
    expect(document.getElementById('b')?.getAttribute('lang')).toBe('zh-CN');
    expect(document.getElementById('b')?.className).not.toContain('mn-run');
    expect(document.getElementById('c')?.hasAttribute('lang')).toBe(false);
  });
});
