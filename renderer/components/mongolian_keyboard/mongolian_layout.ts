/**
 * The traditional Mongolian keyboard (Unicode U+1820–U+1842), Latin keys mapped phonetically as on the
 * Windows "Mongolian (Mongolian Script)" and Menksoft layouts: the unshifted QWERTY rows give the common
 * letters, Shift the rarer vowels and the loan-word consonants. Controls: the free variation selectors
 * FVS1–3 (choose a glyph variant), MVS (before a separated final a/e) and NNBSP (before a case suffix).
 */
export interface MongolianKey {
  /** The Latin key it sits on (shown small, for typists who know the physical layout). */
  latin: string;
  letter: string;
}

const row = (pairs: string): MongolianKey[] =>
  pairs
    .trim()
    .split(/\s+/)
    .map((pair) => ({ latin: pair[0]!, letter: pair.slice(1) }));

export const PLAIN_ROWS: MongolianKey[][] = [
  row('qᠴ wᠸ eᠡ rᠷ tᠲ yᠶ uᠤ iᠢ oᠣ pᠫ'),
  row('aᠠ sᠰ dᠳ fᠹ gᠭ hᠬ jᠵ kᠺ lᠯ'),
  row('zᠽ xᠱ cᠼ vᠦ bᠪ nᠨ mᠮ'),
];

export const SHIFTED_ROWS: MongolianKey[][] = [row('Qᡂ Eᠧ Oᠥ'), row('Hᠾ Kᠻ Lᡀ'), row('Zᠿ Jᡁ Nᠩ')];

export const CONTROLS = {
  fvs1: '\u180B',
  fvs2: '\u180C',
  fvs3: '\u180D',
  mvs: '\u180E',
  nnbsp: '\u202F',
  space: ' ',
} as const;
export type ControlId = keyof typeof CONTROLS;
