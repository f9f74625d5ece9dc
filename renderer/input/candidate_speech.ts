import type { TFunction } from 'i18next';
import type { PinyinEngine } from './pinyin_engine';

/**
 * What a candidate key says when focused, so a visitor who cannot see it well knows which character it is:
 * its description where the catalog has one ("鑫，三个金的鑫"), else a common word that uses it ("张，紧张的张"),
 * else its pinyin.
 */
export function candidateSpeech(t: TFunction, engine: PinyinEngine | null, character: string): string {
  const key = `characters:descriptions.${character}`;
  const description = t(key, { defaultValue: '' });
  if (description) return t('forms_ui:handwriting.candidate_described', { character, description });
  const word = engine?.wordWith(character);
  if (word && word !== character) return t('forms_ui:handwriting.candidate_word', { character, word });
  const pinyin = engine?.readings(character)[0];
  if (pinyin) return t('forms_ui:handwriting.candidate_pinyin', { character, pinyin });
  return character;
}
