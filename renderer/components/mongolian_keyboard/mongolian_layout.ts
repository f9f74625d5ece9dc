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

/** `q1834` = the Latin key q types U+1834. Code points, not glyphs: reviewable without a Mongolian font. */
const row = (pairs: string): MongolianKey[] =>
  pairs
    .trim()
    .split(/\s+/)
    .map((pair) => ({ latin: pair[0]!, letter: String.fromCodePoint(Number.parseInt(pair.slice(1), 16)) }));

export const PLAIN_ROWS: MongolianKey[][] = [
  row('q1834 w1838 e1821 r1837 t1832 y1836 u1824 i1822 o1823 p182B'),
  row('a1820 s1830 d1833 f1839 g182D h182C j1835 k183A l182F'),
  row('z183D x1831 c183C v1826 b182A n1828 m182E'),
];

export const SHIFTED_ROWS: MongolianKey[][] = [
  row('Q1842 E1827 O1825'),
  row('H183E K183B L1840'),
  row('Z183F J1841 N1829'),
];

export const CONTROLS = {
  fvs1: String.fromCodePoint(0x180b),
  fvs2: String.fromCodePoint(0x180c),
  fvs3: String.fromCodePoint(0x180d),
  mvs: String.fromCodePoint(0x180e),
  nnbsp: String.fromCodePoint(0x202f),
  space: ' ',
} as const;
export type ControlId = keyof typeof CONTROLS;
