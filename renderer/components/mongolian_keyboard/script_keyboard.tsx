import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Text } from '../../i18n/text';
import type { GridKey } from '../onscreen_keyboard/key_grid';
import { type KeyboardProps, TextKeyboard } from '../onscreen_keyboard/text_keyboard';
import { MongolianKeyboard } from './mongolian_keyboard';

export type TextScript = 'chinese' | 'mongolian';

/**
 * The text keyboard with a layout choice: pinyin (with Latin letters) or traditional Mongolian. A Mongolian
 * session starts on the Mongolian layout, any other on pinyin; the layout switch key (in the bottom row of
 * both) changes it for this field, and focus stays on the switch key so a keypad user keeps their place.
 */
export function ScriptKeyboard(props: KeyboardProps) {
  const { t, i18n } = useTranslation('mongolian_keyboard');
  const [script, setScript] = useState<TextScript>(i18n.language === 'mn-Mong-CN' ? 'mongolian' : 'chinese');
  const container = useRef<HTMLDivElement>(null);
  const switched = useRef(false);

  // After a switch the other layout is drawn: put focus on its switch key (the one just pressed vanished).
  useEffect(() => {
    if (!switched.current) return;
    switched.current = false;
    container.current?.querySelector<HTMLButtonElement>('button[data-key="layout"]')?.focus();
  });

  const other: TextScript = script === 'mongolian' ? 'chinese' : 'mongolian';
  const switchKey: GridKey = {
    id: 'layout',
    face: <Text ns="mongolian_keyboard" k={`layout.to_${other}`} />,
    label: t(`layout.switch_to_${other}`),
    onPress: () => {
      switched.current = true;
      setScript(other);
    },
  };
  return (
    <div ref={container} className="script-keyboard" data-script={script}>
      {script === 'mongolian' ? (
        <MongolianKeyboard
          value={props.value}
          onChange={props.onChange}
          onDone={props.onDone}
          maxLength={props.maxLength}
          switchKey={switchKey}
        />
      ) : (
        <TextKeyboard {...props} switchKey={switchKey} />
      )}
    </div>
  );
}
