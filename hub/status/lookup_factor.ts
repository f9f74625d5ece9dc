import { scrypt, timingSafeEqual } from 'node:crypto';
import { allSteps, type Template } from '../../common/forms/template_schema';

/**
 * The second factor of a status lookup as the hub keeps it: scrypt of the last six characters of the
 * applicant's resident ID number (the phone number on forms without one), salted with the receipt number
 * and the hub's own secret. Six digits are only a million guesses; the cost and the per-receipt salt make
 * a stolen database expensive to search, the rate limits make guessing on line hopeless.
 */
const SCRYPT = { N: 4096, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

/** The six characters a visitor would type for this application, or null when the answers hold none. */
export function factorOfAnswers(
  template: Template,
  answers: Readonly<Record<string, unknown>>,
): string | null {
  const steps = allSteps(template);
  for (const type of ['resident_id', 'phone'] as const) {
    for (const step of steps) {
      const value = step.field.type === type ? answers[step.id] : undefined;
      if (typeof value !== 'string') continue;
      const compact = value.replace(/[\s-]/g, '').toUpperCase();
      if (/^[0-9]{5}[0-9X]$/.test(compact.slice(-6))) return compact.slice(-6);
    }
  }
  return null;
}

export function hashFactor(secret: string, receiptNo: string, factor: string): Promise<string> {
  return new Promise((resolve, reject) =>
    scrypt(factor, `${secret}\n${receiptNo}`, KEY_BYTES, SCRYPT, (error, key) =>
      error ? reject(error) : resolve(key.toString('hex')),
    ),
  );
}

/** Constant-time comparison of two hex hashes (a malformed stored value never matches). */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === KEY_BYTES && right.length === KEY_BYTES && timingSafeEqual(left, right);
}
