/** Retry timing of the outbox: jittered exponential backoff, honouring the hub's `Retry-After`. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/** Longest `Retry-After` the kiosk obeys; a broken or hostile value cannot park the queue for days. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * Delay before retry number `failures` (1 = first failure): base·2^(failures−1), capped, with "equal
 * jitter" (half fixed, half random) so a fleet that lost the hub together does not return in lockstep.
 */
export function backoffDelayMs(
  failures: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Parses `Retry-After` (seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d{1,9}$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  // Only the HTTP date form (`Sun, 06 Nov 1994 08:49:37 GMT`); Date.parse would also take "-5" as a year.
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now.getTime()), MAX_RETRY_AFTER_MS);
}

/** The wait after a failure: the backoff, or the hub's `Retry-After` when that is longer. */
export function nextDelayMs(
  failures: number,
  retryAfterMs: number | null,
  policy: BackoffPolicy,
  random?: () => number,
): number {
  const backoff = backoffDelayMs(failures, policy, random);
  return retryAfterMs === null ? backoff : Math.max(backoff, retryAfterMs);
}
