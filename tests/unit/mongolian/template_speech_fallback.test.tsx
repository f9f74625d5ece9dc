import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createKit } from '../../../renderer/a11y/create_kit';
import { createI18n } from '../../../renderer/i18n/i18n';
import { LocalText } from '../../../renderer/i18n/local_text';
import { describeControl } from '../../../renderer/speech/describe_control';
import type { Utterance } from '../../../renderer/speech/speaker';
import { SessionStore } from '../../../renderer/state/session_store';
import { speakerWithoutMongolian } from './no_mongolian_audio';

const PROMPT = { 'zh-CN': '您的姓名是什么？', en: 'What is your name?', 'mn-Mong-CN': 'ᠲᠠᠨ ᠤ ᠨᠡᠷ᠎ᠡ' };
const say = (k: string): Utterance => ({ text: k, language: 'zh-CN', kind: 'ui', key: k });

describe('Mongolian template text is never silent', () => {
  it('a choice showing a Mongolian template text reads its Chinese original when there is no recording', async () => {
    render(
      <I18nextProvider i18n={createI18n('mn-Mong-CN')}>
        <button type="button">
          <LocalText text={PROMPT} />
        </button>
      </I18nextProvider>,
    );
    const utterances = describeControl(screen.getByRole('button'), 'mn-Mong-CN', say);
    expect(utterances).toEqual([
      { text: PROMPT['mn-Mong-CN'], language: 'mn-Mong-CN', kind: 'ui', fallback: PROMPT['zh-CN'] },
    ]);
    const rendered: Utterance[] = [];
    speakerWithoutMongolian(rendered).speak(utterances);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rendered.map((u) => [u.language, u.text])).toEqual([
      ['mn-Mong-CN', PROMPT['mn-Mong-CN']],
      ['zh-CN', expect.stringContaining('蒙古语')],
      ['zh-CN', PROMPT['zh-CN']],
    ]);
  });

  it('a Chinese session reads the Chinese text itself and carries no fallback', () => {
    render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <button type="button">
          <LocalText text={PROMPT} />
        </button>
      </I18nextProvider>,
    );
    expect(describeControl(screen.getByRole('button'), 'zh-CN', say)).toEqual([
      { text: PROMPT['zh-CN'], language: 'zh-CN', kind: 'ui' },
    ]);
  });

  it('a heading whose catalog string holds a Mongolian prompt falls back to the Chinese prompt, not to {{prompt}}', () => {
    const i18n = createI18n('mn-Mong-CN');
    const store = new SessionStore({ language: 'mn-Mong-CN', speechOn: true });
    const { speech } = createKit(store, i18n, null);
    const utterance = speech.resolve({
      k: 'step.heading',
      ns: 'forms_ui',
      values: { prompt: PROMPT['mn-Mong-CN'] },
      fallbackValues: { prompt: PROMPT['zh-CN'] },
    });
    expect(utterance.text).toContain(PROMPT['mn-Mong-CN']);
    expect(utterance.fallback).toContain(PROMPT['zh-CN']);
    expect(utterance.fallback).not.toContain('{{');
    expect(utterance.fallback).not.toMatch(/[\u1800-\u18af]/);
  });
});
