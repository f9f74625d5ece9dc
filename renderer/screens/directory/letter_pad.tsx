import { useTranslation } from 'react-i18next';
import { type GridKey, KeyGrid } from '../../components/onscreen_keyboard/key_grid';
import { Text } from '../../i18n/text';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Letter keys for pinyin initials, in the kiosk keyboard's layout; arrows move among keys. */
export function LetterPad({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation('directory');
  const letter = (ch: string): GridKey => ({
    id: `letter-${ch}`,
    face: ch.toUpperCase(),
    label: ch,
    lang: 'en',
    onPress: () => onChange(`${value}${ch}`.slice(0, 40)),
  });
  const rows = [
    ...ROWS.map((row, index) => ({ id: `row-${index}`, keys: [...row].map(letter) })),
    {
      id: 'edit',
      keys: [
        {
          id: 'delete',
          face: <Text ns="directory" k="search.delete" />,
          wide: true,
          onPress: () => onChange([...value].slice(0, -1).join('')),
        },
        {
          id: 'clear',
          face: <Text ns="directory" k="search.clear" />,
          wide: true,
          onPress: () => onChange(''),
        },
      ],
    },
  ];
  return <KeyGrid rows={rows} label={t('search.letters')} className="letter-pad" />;
}
