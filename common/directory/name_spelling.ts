import { pinyin } from 'pinyin-pro';
import type { Institution, NameSpelling } from './directory_schema';

function letters(syllables: readonly string[]): string {
  return syllables
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * How a Chinese name is typed in letters: its pinyin initials ("gzc" for 公证处) and full toneless pinyin
 * ("gongzhengchu"). pinyin-pro segments words, so a polyphonic character is read as in its word.
 */
export function spellName(name: string): NameSpelling {
  const syllables = pinyin(name, { toneType: 'none', type: 'array' });
  return {
    initials: letters(syllables.map((syllable) => syllable.slice(0, 1))),
    spelled: letters(syllables),
  };
}

/** The spellings of every institution's Chinese name, in dataset order. */
export function spellInstitutions(institutions: readonly Institution[]): NameSpelling[] {
  return institutions.map((institution) => spellName(institution.name['zh-CN']));
}
