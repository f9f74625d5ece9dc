import './mongolian_keyboard.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/languages';
import { useAnnounce, useSpeech } from '../../a11y/kit_context';
import { languageOfKey } from '../../i18n/i18n';
import { Text } from '../../i18n/text';
import { type GridKey, type GridRow, KeyGrid } from '../onscreen_keyboard/key_grid';
import { CONTROLS, type ControlId, type MongolianKey, PLAIN_ROWS, SHIFTED_ROWS } from './mongolian_layout';

const MONGOLIAN = 'mn-Mong-CN';
const NS = 'mongolian_keyboard';

export interface MongolianKeyboardProps {
  value: string;
  onChange: (value: string) => void;
  onDone: () => void;
  maxLength?: number;
  /** An extra key in the bottom row (the layout switch of the text keyboard). */
  switchKey?: GridKey;
}

/**
 * On-screen keyboard for traditional Mongolian: letter keys show the letter upright as in a column, the text
 * typed so far is previewed vertically (top to bottom) so joined forms are visible. Touch or keypad: arrows
 * move among keys (the shared KeyGrid), Enter presses. Keys are named aloud by the letter's name ("letter na"):
 * no voice can read a Mongolian letter, and the name is what a typist dictates. Each press is told.
 */
export function MongolianKeyboard({
  value,
  onChange,
  onDone,
  maxLength = 200,
  switchKey,
}: MongolianKeyboardProps) {
  const { t, i18n } = useTranslation(NS);
  const announcer = useAnnounce();
  const speech = useSpeech();
  const [shifted, setShifted] = useState(false);
  // The letter names' language: Mongolian has no voice, so they stay in the Chinese fallback unless translated.
  const nameLanguage = languageOfKey(i18n, 'letter_named', i18n.language as Language, NS);

  const tell = (message: string) => {
    announcer.polite(message);
    speech.sayText(message, 'dynamic');
  };
  const type = (text: string, name: string) => () => {
    if ([...value].length + [...text].length > maxLength) {
      tell(t('status_full', { max: maxLength }));
      return;
    }
    onChange(value + text);
    tell(t('status_typed', { name, count: [...value].length + [...text].length }));
  };
  const letterKey = (key: MongolianKey): GridKey => {
    const name = t('letter_named', { name: key.name });
    return {
      id: `mn-letter-${key.name}`,
      face: (
        <>
          <span className="mn-key__letter mn-run" lang={MONGOLIAN}>
            {key.letter}
          </span>
          <span className="mn-key__latin" lang="en" aria-hidden="true">
            {key.latin}
          </span>
        </>
      ),
      label: name,
      lang: nameLanguage,
      onPress: type(key.letter, name),
    };
  };
  const face = (k: string) => <Text ns={NS} k={k} />;
  const control = (id: ControlId): GridKey => ({
    id,
    face: face(`keys.${id}`),
    onPress: type(CONTROLS[id], t(`keys.${id}`)),
  });
  const rows: GridRow[] = (shifted ? SHIFTED_ROWS : PLAIN_ROWS).map((keys, index) => ({
    id: `row-${index}`,
    keys: keys.map(letterKey),
  }));
  rows.push(
    {
      id: 'controls',
      keys: [control('fvs1'), control('fvs2'), control('fvs3'), control('mvs'), control('nnbsp')],
    },
    {
      id: 'actions',
      keys: [
        ...(switchKey ? [switchKey] : []),
        { id: 'shift', face: face('keys.shift'), pressed: shifted, onPress: () => setShifted(!shifted) },
        { ...control('space'), wide: true },
        {
          id: 'backspace',
          face: face('keys.backspace'),
          onPress: () => {
            const rest = [...value].slice(0, -1);
            onChange(rest.join(''));
            tell(t('status_deleted', { count: rest.length }));
          },
        },
        { id: 'done', face: face('keys.done'), onPress: onDone },
      ],
    },
  );
  return (
    <div className="osk mn-keyboard">
      <p className="mn-keyboard__preview-label" id="mn-keyboard-preview-label">
        <Text ns={NS} k="preview" />
      </p>
      <output className="mn-keyboard__preview" aria-labelledby="mn-keyboard-preview-label">
        <span className="mn-run" lang={MONGOLIAN}>
          {value}
        </span>
      </output>
      <KeyGrid rows={rows} label={t('label')} className="osk__grid" />
    </div>
  );
}
