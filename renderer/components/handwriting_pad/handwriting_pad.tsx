import './handwriting_pad.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce, useSpeech } from '../../a11y/kit_context';
import { Text } from '../../i18n/text';
import { candidateSpeech } from '../../input/candidate_speech';
import { loadRecognizer } from '../../input/handwriting/handwriting_data';
import type { Stroke } from '../../input/handwriting/stroke_codec';
import { loadPinyinEngine } from '../../input/pinyin_index';
import { useLoaded } from '../../input/use_loaded';
import { type GridKey, type GridRow, KeyGrid } from '../onscreen_keyboard/key_grid';
import type { KeyboardProps } from '../onscreen_keyboard/text_keyboard';
import { backspace, typeCharacter } from '../onscreen_keyboard/typing_state';
import { WritingArea } from './writing_area';

const CANDIDATES = 8;

/**
 * Handwriting: write one character in the large area; after every stroke the likeliest characters show
 * on large candidate keys (each says, when focused, a word or description that tells it apart). Choosing
 * one types it and clears the area; "undo stroke" and "start again" correct the writing.
 */
export function HandwritingPad({
  value,
  onChange,
  onDone,
  maxLength,
  switchKey,
}: KeyboardProps & { switchKey?: GridKey }) {
  const { t } = useTranslation('forms_ui');
  const recognizer = useLoaded(loadRecognizer);
  const pinyin = useLoaded(loadPinyinEngine);
  const engine = pinyin.status === 'ready' ? pinyin.value : null;
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const candidates = useMemo(
    () =>
      recognizer.status === 'ready' && strokes.length > 0
        ? recognizer.value.recognize(strokes, CANDIDATES)
        : [],
    [recognizer, strokes],
  );

  const announcer = useAnnounce();
  const speech = useSpeech();
  const status =
    recognizer.status === 'loading'
      ? t('handwriting.loading')
      : recognizer.status === 'failed'
        ? t('handwriting.load_failed')
        : strokes.length === 0
          ? t('handwriting.status_empty')
          : t('handwriting.status_strokes', { count: strokes.length, candidates: candidates.join(' ') });
  // News are what the writing changed (and a failure to load): opening the pad is announced by the switch
  // key, and "loading" → "write here" would only talk over it.
  const wrote = useRef(false);
  useEffect(() => {
    if (strokes.length > 0) wrote.current = true;
    if (!wrote.current && recognizer.status !== 'failed') return;
    announcer.polite(status);
    speech.sayText(status, 'dynamic');
  }, [status, strokes, recognizer.status, announcer, speech]);

  const candidateRow: GridKey[] = candidates.map((character, index) => ({
    id: `hw-candidate-${index}`,
    face: character,
    label: candidateSpeech(t, engine, character),
    lang: 'zh-CN',
    onPress: () => {
      onChange(typeCharacter({ value, composition: '' }, character, maxLength).value);
      setStrokes([]);
    },
  }));
  const rows: GridRow[] = [
    { id: 'hw-candidates', keys: candidateRow },
    {
      id: 'hw-controls',
      keys: [
        ...(switchKey ? [switchKey] : []),
        {
          id: 'hw-undo',
          face: <Text ns="forms_ui" k="handwriting.undo" />,
          disabled: strokes.length === 0,
          onPress: () => setStrokes(strokes.slice(0, -1)),
        },
        {
          id: 'hw-clear',
          face: <Text ns="forms_ui" k="handwriting.clear" />,
          disabled: strokes.length === 0,
          onPress: () => setStrokes([]),
        },
        {
          id: 'backspace',
          face: <Text ns="forms_ui" k="keyboard.backspace" />,
          onPress: () => onChange(backspace({ value, composition: '' }).value),
        },
        { id: 'done', face: <Text ns="forms_ui" k="keyboard.done" />, onPress: onDone },
      ],
    },
  ];

  return (
    <div className="osk handwriting-pad">
      <p className="handwriting-pad__status" id="handwriting-status">
        {status}
      </p>
      <WritingArea
        strokes={strokes}
        label={t('handwriting.area')}
        onStroke={(stroke) => setStrokes([...strokes, stroke])}
      />
      <KeyGrid rows={rows} label={t('handwriting.label')} className="osk__grid" />
    </div>
  );
}
