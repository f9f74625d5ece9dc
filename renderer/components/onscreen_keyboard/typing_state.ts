import type { Candidate } from '../../input/pinyin_engine';

/** What the on-screen keyboard is editing: the field's value and, in pinyin mode, the letters not yet converted. */
export interface Typing {
  value: string;
  composition: string;
}

const codePoints = (text: string) => [...text];

export function typeCharacter(state: Typing, character: string, maxLength: number): Typing {
  if (codePoints(state.value).length >= maxLength) return state;
  return { ...state, value: state.value + character };
}

export function typePinyinLetter(state: Typing, letter: string): Typing {
  // a syllable is at most 6 letters; 30 covers a phrase and keeps the candidate search cheap
  if (state.composition.length >= 30) return state;
  return { ...state, composition: state.composition + letter };
}

export function chooseCandidate(state: Typing, candidate: Candidate, maxLength: number): Typing {
  if (codePoints(state.value).length + codePoints(candidate.text).length > maxLength) return state;
  return {
    value: state.value + candidate.text,
    composition: state.composition.slice(candidate.consumed).replace(/^'/, ''),
  };
}

/** Backspace removes an unconverted letter first, else the last character (a whole hanzi or emoji). */
export function backspace(state: Typing): Typing {
  if (state.composition) return { ...state, composition: state.composition.slice(0, -1) };
  return { ...state, value: codePoints(state.value).slice(0, -1).join('') };
}

export function clear(): Typing {
  return { value: '', composition: '' };
}

/** Finishing with letters still unconverted keeps them as typed (what a desktop input method does on Enter). */
export function commitComposition(state: Typing, maxLength: number): Typing {
  let next: Typing = { ...state, composition: '' };
  for (const letter of state.composition) next = typeCharacter(next, letter, maxLength);
  return next;
}
