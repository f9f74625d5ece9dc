import { useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/languages';
import { useAnnounce, useSpeech } from '../../a11y/kit_context';
import { AppContext } from '../../app_context';
import { languageOfKey } from '../../i18n/i18n';
import { HandwritingPad } from '../handwriting_pad/handwriting_pad';
import { MongolianKeyboard } from '../mongolian_keyboard/mongolian_keyboard';
import type { GridKey } from './key_grid';
import { NumericPad } from './numeric_pad';
import { type KeyboardProps, TextKeyboard } from './text_keyboard';

export type TextLayout = 'pinyin' | 'handwriting' | 'mongolian' | 'numbers';

const MONGOLIAN = 'mn-Mong-CN';

/** The input methods offered for text, in switching order; Mongolian only where the terminal offers it. */
function textLayouts(mongolianEnabled: boolean): TextLayout[] {
  return mongolianEnabled
    ? ['pinyin', 'handwriting', 'mongolian', 'numbers']
    : ['pinyin', 'handwriting', 'numbers'];
}

/**
 * Text entry with a choice of input method: pinyin (with Latin letters), handwriting, traditional Mongolian
 * and the number pad. One key in the bottom row of each switches to the next; the new method is said aloud,
 * and focus stays on the switch key so a keypad user keeps their place. A Mongolian session starts on the
 * Mongolian keyboard, any other on pinyin.
 */
export function TextEntry(props: KeyboardProps) {
  const { t, i18n } = useTranslation('forms_ui');
  const app = useContext(AppContext);
  // outside the app (component tests) every method is offered
  const mongolianEnabled = app ? app.terminal.languages.includes(MONGOLIAN) : true;
  const layouts = textLayouts(mongolianEnabled);
  const [layout, setLayout] = useState<TextLayout>(
    i18n.language === MONGOLIAN && mongolianEnabled ? 'mongolian' : 'pinyin',
  );
  const container = useRef<HTMLDivElement>(null);
  const switched = useRef(false);
  const announcer = useAnnounce();
  const speech = useSpeech();

  // After a switch the other method is drawn: put focus on its switch key (the one just pressed vanished).
  useEffect(() => {
    if (!switched.current) return;
    switched.current = false;
    container.current?.querySelector<HTMLButtonElement>('button[data-key="layout"]')?.focus();
  });

  // the sentences and the method names in one language: where a sentence has no translation, both Chinese
  const lng = languageOfKey(i18n, 'keyboard.switch_layout_label', i18n.language as Language, 'forms_ui');
  const name = (l: TextLayout) => t(`keyboard.layouts.${l}`, { lng });
  const next = layouts[(layouts.indexOf(layout) + 1) % layouts.length]!;
  const switchKey: GridKey = {
    id: 'layout',
    face: t('keyboard.switch_layout', { next: name(next), lng }),
    label: t('keyboard.switch_layout_label', { current: name(layout), next: name(next), lng }),
    lang: lng,
    onPress: () => {
      switched.current = true;
      setLayout(next);
      const message = t('keyboard.layout_now', { layout: name(next), lng });
      announcer.polite(message);
      speech.sayText(message, 'dynamic');
    },
  };
  const keyboard = () => {
    switch (layout) {
      case 'mongolian':
        return (
          <MongolianKeyboard
            value={props.value}
            onChange={props.onChange}
            onDone={props.onDone}
            maxLength={props.maxLength}
            switchKey={switchKey}
          />
        );
      case 'handwriting':
        return <HandwritingPad {...props} switchKey={switchKey} />;
      case 'numbers':
        return <NumericPad {...props} extra={null} switchKey={switchKey} />;
      default:
        return <TextKeyboard {...props} switchKey={switchKey} />;
    }
  };
  return (
    <div ref={container} className="text-entry" data-layout={layout}>
      {keyboard()}
    </div>
  );
}
