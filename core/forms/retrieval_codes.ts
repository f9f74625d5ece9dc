import { randomInt } from 'node:crypto';

/**
 * Retrieval codes: 8 random digits — easy to speak digit by digit, to type on the numeric pad and to
 * print. With few kept drafts a guess is hopeless, and resumption attempts are rate-limited besides.
 */
export function newRetrievalCode(isTaken: (code: string) => boolean): string {
  for (;;) {
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    if (!isTaken(code)) return code;
  }
}

/** `12345678` → `1234 5678` for print and screen. */
export function formatRetrievalCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

/** Allows `limit` failed attempts per window; then refuses until the window has passed. */
export class AttemptLimiter {
  private failures: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  blocked(nowMs: number): boolean {
    this.failures = this.failures.filter((at) => nowMs - at < this.windowMs);
    return this.failures.length >= this.limit;
  }

  fail(nowMs: number): void {
    this.failures.push(nowMs);
  }
}
