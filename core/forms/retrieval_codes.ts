import { randomInt } from 'node:crypto';

/** Digits of a new retrieval code. Codes of 8 digits kept before the change still resume until they expire. */
export const RETRIEVAL_CODE_DIGITS = 12;

/**
 * Retrieval codes: 12 random digits, spoken and printed in groups of four, typed on the numeric pad. With at
 * most a few hundred kept drafts per terminal and the persisted attempt budget (`attempt_budget.ts`), a
 * guesser needs thousands of years on average; no second factor is needed, so entry stays one number.
 */
export function newRetrievalCode(isTaken: (code: string) => boolean): string {
  for (;;) {
    const high = randomInt(0, 1_000_000);
    const low = randomInt(0, 1_000_000);
    const code = `${String(high).padStart(6, '0')}${String(low).padStart(6, '0')}`;
    if (!isTaken(code)) return code;
  }
}

/** `123456789012` → `1234 5678 9012` for print and screen. */
export function formatRetrievalCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}
