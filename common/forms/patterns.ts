/**
 * The fixed list of text patterns a template may ask for (templates cannot carry their own regular
 * expressions: a published template must not be able to hang the kiosk with a pathological one).
 */
export const PATTERNS = {
  /** Digits only, e.g. a case number. */
  digits: /^[0-9]+$/,
  /** A postal code of mainland China: 6 digits. */
  postal_code: /^[0-9]{6}$/,
  /**
   * A person's name: letters of any script, spaces, the middle dot of transcribed names, no digits; in
   * traditional Mongolian also the vowel separator (U+180E, a separated final a/e) and the narrow no-break
   * space (U+202F) the Mongolian keyboard types.
   */
  person_name: /^[\p{L}\p{M}][\p{L}\p{M} ·•.'\u180e\u202f-]*$/u,
} as const;
export type PatternId = keyof typeof PATTERNS;
export const PATTERN_IDS = Object.keys(PATTERNS) as [PatternId, ...PatternId[]];
