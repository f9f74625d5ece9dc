import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import mnCommon from '../../../assets/locales/mn-Mong-CN/common.json';
import type { Language } from '../../../common/languages';
import { createKit } from '../../../renderer/a11y/create_kit';
import { createI18n } from '../../../renderer/i18n/i18n';
import { Text } from '../../../renderer/i18n/text';
import { fallbackFillingSpeaker } from '../../../renderer/speech/chinese_fallback';
import { describeControl } from '../../../renderer/speech/describe_control';
import type { Utterance } from '../../../renderer/speech/speaker';
import { SessionStore } from '../../../renderer/state/session_store';
import { speakerWithoutMongolian } from './no_mongolian_audio';

const say = (k: string): Utterance => ({ text: k, language: 'zh-CN', kind: 'ui', key: k });

function button(language: Language) {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <button type="button">
        <Text k="help.title" />
      </button>
    </I18nextProvider>,
  );
  return screen.getByRole('button');
}

describe('focus speech of Mongolian catalog strings', () => {
  it('a focused control with a Mongolian catalog string is one utterance carrying its catalog key', () => {
    expect(describeControl(button('mn-Mong-CN'), 'mn-Mong-CN', say)).toEqual([
      { text: mnCommon.help.title, language: 'mn-Mong-CN', kind: 'ui', key: 'common:help.title' },
    ]);
  });

  it('Chinese stays as it was (plain text runs)', () => {
    expect(describeControl(button('zh-CN'), 'zh-CN', say)).toEqual([
      { text: '使用帮助', language: 'zh-CN', kind: 'ui' },
    ]);
  });

  it('without a Mongolian clip the speaker says so once and reads the Chinese text of that key', async () => {
    const rendered: Utterance[] = [];
    const speaker = fallbackFillingSpeaker(speakerWithoutMongolian(rendered), (key) =>
      key === 'common:help.title' ? '使用帮助' : undefined,
    );
    speaker.speak(describeControl(button('mn-Mong-CN'), 'mn-Mong-CN', say));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rendered.map((u) => [u.language, u.text])).toEqual([
      ['mn-Mong-CN', mnCommon.help.title],
      ['zh-CN', expect.stringContaining('蒙古语')],
      ['zh-CN', '使用帮助'],
    ]);
  });

  it('in the app kit, a focused Mongolian control falls back to the Chinese catalog text of its key', async () => {
    const rendered: Utterance[] = [];
    const store = new SessionStore({ language: 'mn-Mong-CN', speechOn: true });
    const kit = createKit(store, createI18n('mn-Mong-CN'), speakerWithoutMongolian(rendered));
    kit.speech.sayControl(button('mn-Mong-CN'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rendered.map((u) => [u.language, u.text])).toEqual([
      ['mn-Mong-CN', mnCommon.help.title],
      ['zh-CN', expect.stringContaining('蒙古语')],
      ['zh-CN', '使用帮助'],
    ]);
  });
});
