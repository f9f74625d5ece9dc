/**
 * The traditional Mongolian keyboard (Unicode U+1820–U+1842): the letter positions of the Windows
 * "Traditional Mongolian (Standard)" layout (KBDMONST, KLID 00010850). 26 letters on the unshifted Latin keys,
 * Shift for ē, ng, chi and the loan-word consonants. Controls: the free variation selectors FVS1–3 (choose a
 * glyph variant), MVS (before a separated final a/e) and NNBSP (before a case suffix). What was checked against
 * published layouts, and what not: README, "Mongolian on-screen keyboard".
 */
export interface MongolianKey {
  /** The Latin key it sits on (shown small, for typists who know the physical layout). */
  latin: string;
  letter: string;
  /** The letter's name as in its Unicode name (MONGOLIAN LETTER NA → "na"): what the key is called aloud. */
  name: string;
}

/** Unicode names of U+1820–U+1842, lower case, in code point order. */
const NAMES =
  'a e i o u oe ue ee na ang ba pa qa ga ma la sa sha ta da cha ja ya ra wa fa ka kha tsa za haa zra lha zhi chi'.split(
    ' ',
  );

/** `q1823` = the Latin key q types U+1823. Code points, not glyphs: reviewable without a Mongolian font. */
const row = (pairs: string): MongolianKey[] =>
  pairs
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const code = Number.parseInt(pair.slice(1), 16);
      return { latin: pair[0]!, letter: String.fromCodePoint(code), name: NAMES[code - 0x1820]! };
    });

export const PLAIN_ROWS: MongolianKey[][] = [
  row('q1823 w1838 e1821 r1837 t1832 y1836 u1826 i1822 o1825 p182B'),
  row('a1820 s1830 d1833 f1839 g182D h182C j1835 k183A l182F'),
  row('z183D x1831 c1834 v1824 b182A n1828 m182E'),
];

export const SHIFTED_ROWS: MongolianKey[][] = [
  row('Q1842 E1827 R183F'),
  row('H183E K183B L1840'),
  row('Z1841 C183C N1829'),
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
