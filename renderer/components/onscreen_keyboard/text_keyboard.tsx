import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Text } from '../../i18n/text';
import type { CandidateContext } from '../../input/pinyin_engine';
import { loadPinyinEngine } from '../../input/pinyin_index';
import { useLoaded } from '../../input/use_loaded';
import type { GridKey, GridRow } from './key_grid';
import { KeyGrid } from './key_grid';
import {
  backspace,
  chooseCandidate,
  clear,
  commitComposition,
  type Typing,
  typeCharacter,
  typePinyinLetter,
} from './typing_state';
import { TypingStatus } from './typing_status';

const LETTER_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const DIGITS = '1234567890';
/**
 * The Latin-only keyboards, with the characters each has besides letters and digits (and their spoken
 * names): web addresses (lower case) and codes such as receipt numbers (upper case, `BT-0012-261128-007`).
 */
export type LatinKeyboard = 'url' | 'code';
const LATIN_SYMBOLS: Record<LatinKeyboard, [string, string][]> = {
  url: Object.entries({ ':': 'colon', '/': 'slash', '.': 'dot', '-': 'dash', _: 'underscore' }),
  code: [['-', 'dash']],
};
const CANDIDATES_PER_PAGE = 6;

export interface KeyboardProps {
  value: string;
  onChange: (value: string) => void;
  onDone: () => void;
  maxLength: number;
  /** The field's value is personal data (spoken only as a count of characters). */
  privateValue?: boolean;
  /** A name field: pinyin offers names (surname + given name) before words. */
  candidateContext?: CandidateContext;
}

/** The text keyboard's props: the layout switch key (to the next input method) goes into its bottom row. */
export interface TextKeyboardProps extends KeyboardProps {
  switchKey?: GridKey;
  /** Latin letters, digits and the keyboard's symbols only (no pinyin, no space). */
  latinOnly?: LatinKeyboard;
}

/**
 * Letters, digits and, in pinyin mode, Chinese candidates: typed letters collect as pinyin, the candidates
 * (words first, then characters) show six at a time on large keys with previous/next page keys.
 */
export function TextKeyboard({
  value,
  onChange,
  onDone,
  maxLength,
  privateValue,
  switchKey,
  latinOnly,
  candidateContext,
}: TextKeyboardProps) {
  const { t } = useTranslation('forms_ui');
  const loaded = useLoaded(loadPinyinEngine);
  const engine = loaded.status === 'ready' ? loaded.value : null;
  const [pinyinMode, setPinyinMode] = useState(!latinOnly);
  const [composition, setComposition] = useState('');
  const [page, setPage] = useState(0);
  const candidates = useMemo(
    () => (composition && engine ? engine.candidates(composition, candidateContext) : []),
    [composition, engine, candidateContext],
  );
  const pages = Math.max(1, Math.ceil(candidates.length / CANDIDATES_PER_PAGE));
  const shown = candidates.slice(page * CANDIDATES_PER_PAGE, (page + 1) * CANDIDATES_PER_PAGE);

  function apply(next: Typing) {
    if (next.composition !== composition) {
      setComposition(next.composition);
      setPage(0);
    }
    if (next.value !== value) onChange(next.value);
  }
  const state: Typing = { value, composition };

  const latin = (ch: string) => (latinOnly === 'url' ? ch : ch.toUpperCase());
  const letter = (ch: string): GridKey => ({
    id: `letter-${ch}`,
    face: pinyinMode ? ch : latin(ch),
    lang: 'en',
    onPress: () =>
      apply(pinyinMode ? typePinyinLetter(state, ch) : typeCharacter(state, latin(ch), maxLength)),
  });
  const plain = (id: string, ch: string, label?: string): GridKey => ({
    id,
    face: ch,
    label,
    onPress: () => apply(typeCharacter(commitComposition(state, maxLength), ch, maxLength)),
  });

  const candidateRow: GridKey[] = composition
    ? [
        ...shown.map((candidate, index) => ({
          id: `candidate-${index}`,
          face: candidate.text,
          lang: 'zh-CN',
          onPress: () => apply(chooseCandidate(state, candidate, maxLength)),
        })),
        ...(page > 0
          ? [
              {
                id: 'candidates-prev',
                face: <Text ns="forms_ui" k="keyboard.previous_candidates" />,
                onPress: () => setPage(page - 1),
              },
            ]
          : []),
        ...(page < pages - 1
          ? [
              {
                id: 'candidates-next',
                face: <Text ns="forms_ui" k="keyboard.next_candidates" />,
                onPress: () => setPage(page + 1),
              },
            ]
          : []),
      ]
    : [];

  // Keys for words and names, not for web addresses.
  const textOnlyKeys = (): GridKey[] => [
    {
      id: 'mode',
      face: <Text ns="forms_ui" k={pinyinMode ? 'keyboard.mode_pinyin' : 'keyboard.mode_latin'} />,
      label: t(pinyinMode ? 'keyboard.switch_to_latin' : 'keyboard.switch_to_pinyin'),
      onPress: () => {
        apply(commitComposition(state, maxLength));
        setPinyinMode(!pinyinMode);
      },
    },
    plain('middle-dot', '·', t('keyboard.middle_dot')),
    {
      id: 'space',
      face: <Text ns="forms_ui" k="keyboard.space" />,
      wide: true,
      // with pinyin pending, space takes the first candidate, as desktop input methods do
      onPress: () =>
        apply(
          composition && candidates[0]
            ? chooseCandidate(state, candidates[0], maxLength)
            : typeCharacter(state, ' ', maxLength),
        ),
    },
  ];

  const rows: GridRow[] = [
    { id: 'candidates', keys: candidateRow },
    { id: 'digits', keys: [...DIGITS].map((d) => plain(`digit-${d}`, d)) },
    ...LETTER_ROWS.map((letters) => ({ id: letters, keys: [...letters].map(letter) })),
    {
      id: 'symbols',
      keys: latinOnly
        ? LATIN_SYMBOLS[latinOnly].map(([ch, name]) => plain(`url-${name}`, ch, t(`keyboard.url.${name}`)))
        : [],
    },
    {
      id: 'controls',
      keys: [
        // leaving for another layout keeps pinyin letters not yet converted, as "done" does
        ...(switchKey
          ? [
              {
                ...switchKey,
                onPress: () => {
                  apply(commitComposition(state, maxLength));
                  switchKey.onPress();
                },
              },
            ]
          : []),
        ...(latinOnly ? [] : textOnlyKeys()),
        {
          id: 'backspace',
          face: <Text ns="forms_ui" k="keyboard.backspace" />,
          onPress: () => apply(backspace(state)),
        },
        { id: 'clear', face: <Text ns="forms_ui" k="keyboard.clear" />, onPress: () => apply(clear()) },
        {
          id: 'done',
          face: <Text ns="forms_ui" k="keyboard.done" />,
          onPress: () => {
            apply(commitComposition(state, maxLength));
            onDone();
          },
        },
      ],
    },
  ];

  return (
    <div className="osk">
      <TypingStatus
        composition={composition}
        syllables={composition && engine ? engine.split(composition) : composition ? [composition] : []}
        unavailable={pinyinMode && composition ? loaded.status : undefined}
        candidates={shown.map((c) => c.text)}
        page={page}
        pages={pages}
        value={value}
        privateValue={privateValue}
      />
      <KeyGrid
        rows={rows}
        label={t(latinOnly ? `keyboard.${latinOnly}_label` : 'keyboard.label')}
        className="osk__grid"
      />
    </div>
  );
}
