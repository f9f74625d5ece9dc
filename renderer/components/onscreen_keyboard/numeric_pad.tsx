import { useTranslation } from 'react-i18next';
import { Text } from '../../i18n/text';
import type { GridKey } from './key_grid';
import { KeyGrid } from './key_grid';
import type { KeyboardProps } from './text_keyboard';
import { backspace, clear, typeCharacter } from './typing_state';
import { TypingStatus } from './typing_status';

/** The extra key beside 0: X for ID numbers (last digit may be X), - for landlines, . for amounts. */
export type PadExtra = 'X' | '-' | '.' | null;

/** A large 3×4 number pad for numbers, phone numbers and ID numbers. */
export function NumericPad({
  value,
  onChange,
  onDone,
  maxLength,
  privateValue,
  extra,
  switchKey,
}: KeyboardProps & { extra: PadExtra; switchKey?: GridKey }) {
  const { t } = useTranslation('forms_ui');
  const type = (ch: string) => () => onChange(typeCharacter({ value, composition: '' }, ch, maxLength).value);
  const digit = (d: string): GridKey => ({ id: `digit-${d}`, face: d, onPress: type(d) });
  const extraKey: GridKey[] = extra
    ? [{ id: 'extra', face: extra, label: t(`keyboard.extra.${extra}`), lang: 'en', onPress: type(extra) }]
    : [];
  const rows = [
    { id: 'r1', keys: ['1', '2', '3'].map(digit) },
    { id: 'r2', keys: ['4', '5', '6'].map(digit) },
    { id: 'r3', keys: ['7', '8', '9'].map(digit) },
    {
      id: 'r4',
      keys: [
        ...extraKey,
        digit('0'),
        {
          id: 'backspace',
          face: <Text ns="forms_ui" k="keyboard.backspace" />,
          onPress: () => onChange(backspace({ value, composition: '' }).value),
        },
      ],
    },
    {
      id: 'r5',
      keys: [
        ...(switchKey ? [switchKey] : []),
        {
          id: 'clear',
          face: <Text ns="forms_ui" k="keyboard.clear" />,
          onPress: () => onChange(clear().value),
        },
        { id: 'done', face: <Text ns="forms_ui" k="keyboard.done" />, onPress: onDone },
      ],
    },
  ];
  return (
    <div className="osk osk--numeric">
      <TypingStatus
        composition=""
        syllables={[]}
        candidates={[]}
        page={0}
        pages={1}
        value={value}
        privateValue={privateValue}
      />
      <KeyGrid rows={rows} label={t('keyboard.numeric_label')} className="osk__grid" />
    </div>
  );
}
