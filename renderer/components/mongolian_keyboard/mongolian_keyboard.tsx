import './mongolian_keyboard.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type GridKey, type GridRow, KeyGrid } from '../onscreen_keyboard/key_grid';
import { CONTROLS, type ControlId, type MongolianKey, PLAIN_ROWS, SHIFTED_ROWS } from './mongolian_layout';

const MONGOLIAN = 'mn-Mong-CN';

interface MongolianKeyboardProps {
  value: string;
  onChange: (value: string) => void;
  onDone: () => void;
  maxLength?: number;
}

/**
 * On-screen keyboard for traditional Mongolian: letter keys show the letter upright as in a column, the text
 * typed so far is previewed vertically (top to bottom) so joined forms are visible. Touch or keypad: arrows
 * move among keys (the shared KeyGrid), Enter presses.
 */
export function MongolianKeyboard({ value, onChange, onDone, maxLength = 200 }: MongolianKeyboardProps) {
  const { t } = useTranslation('mongolian_keyboard');
  const [shifted, setShifted] = useState(false);
  const type = (text: string) => () => {
    if ([...value].length + [...text].length <= maxLength) onChange(value + text);
  };
  const letterKey = (key: MongolianKey): GridKey => ({
    id: `letter-${key.latin}`,
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
    label: key.letter,
    lang: MONGOLIAN,
    onPress: type(key.letter),
  });
  const control = (id: ControlId): GridKey => ({ id, face: t(`keys.${id}`), onPress: type(CONTROLS[id]) });
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
        { id: 'shift', face: t('keys.shift'), pressed: shifted, onPress: () => setShifted(!shifted) },
        { ...control('space'), wide: true },
        {
          id: 'backspace',
          face: t('keys.backspace'),
          onPress: () => onChange([...value].slice(0, -1).join('')),
        },
        { id: 'done', face: t('keys.done'), onPress: onDone },
      ],
    },
  );
  return (
    <div className="osk mn-keyboard">
      <p className="mn-keyboard__preview-label" id="mn-keyboard-preview-label">
        {t('preview')}
      </p>
      <output className="mn-keyboard__preview" aria-labelledby="mn-keyboard-preview-label" aria-live="polite">
        <span className="mn-run" lang={MONGOLIAN}>
          {value}
        </span>
      </output>
      <KeyGrid rows={rows} label={t('label')} />
    </div>
  );
}
