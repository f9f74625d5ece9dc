import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

// scrypt cost: N=2^14, r=8, p=1 (16 MB, 0.1–0.4 s on a kiosk CPU): a stolen hash of a 6-digit PIN still costs
// hours of CPU per guessing run, and the check stays quick enough for a technician at the screen.
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

/** `scrypt$N$r$p$salt$hash` (base64): the form kept in the provisioning file, never the PIN itself. */
export function hashPin(pin: string, salt: Buffer = randomBytes(16)): string {
  const hash = scryptSync(pin, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEMORY });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

const scryptAsync = promisify(scrypt) as (
  pin: string,
  salt: Buffer,
  length: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/**
 * Constant-time comparison, off the main thread (libuv pool) so the app stays responsive; a malformed or
 * absurdly expensive stored hash never matches.
 */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (!Number.isInteger(Math.log2(n)) || n > 1 << 17 || r > 16 || p > 4 || n < 2 || r < 1 || p < 1)
    return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (expected.length < 16) return false;
  const actual = await scryptAsync(pin, salt, expected.length, { N: n, r, p, maxmem: MAX_MEMORY * 2 });
  return timingSafeEqual(actual, expected);
}
