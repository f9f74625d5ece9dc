import { err, ok, type Result } from '../result';

/** Money is always an integer number of fen (1 yuan = 100 fen): no floating-point rounding anywhere. */
export const MAX_FEN = 10_000_000_000; // 100 million yuan: far above any notarization fee or small estate

export type YuanParseError = 'format' | 'too_large';

/** "5000", "5000.1", "5000.01" → fen. Parsed as text, so 5000.01 is exactly 500001 fen. */
export function parseYuan(text: string): Result<number, YuanParseError> {
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return err('format');
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (fen > MAX_FEN) return err('too_large');
  return ok(fen);
}

/** 500001 → "5000.01"; 500000 → "5000". Digits only, so every language can wrap it in its own pattern. */
export function formatFen(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const rest = fen % 100;
  if (rest === 0) return String(yuan);
  return `${yuan}.${String(rest).padStart(2, '0')}`;
}

/** The reduction for `percent` of `fen`, rounded up to the whole fen in the visitor's favour. */
export function percentOfFen(fen: number, percent: number): number {
  return Math.ceil((fen * percent) / 100);
}
