import { randomBytes, randomInt, scrypt } from 'node:crypto';
import { ENROLLMENT_CODE_DIGITS } from '../../common/provisioning/enrollment';
import type { HubStore, RedeemOutcome } from '../storage/hub_store';

export interface NewEnrollmentCode {
  terminalId: string;
  centre: string;
  /** The provisioning template (already validated), stored as JSON. */
  template: unknown;
  now: Date;
  hours: number;
}

export interface CreatedCode {
  codeId: string;
  /** 12 digits, shown once; the hub keeps only a slow hash of it. */
  code: string;
  expiresAt: string;
}

/** Codes are kept a week past their expiry (for the record), then deleted. */
const KEEP_AFTER_EXPIRY_MS = 7 * 24 * 3600 * 1000;
const SCRYPT = { N: 16384, r: 8, p: 1 };

/**
 * The code is hashed with scrypt under a per-hub salt (kept in the store): 12 digits are too few for a
 * fast hash if the database leaks. The hash runs off the event loop, so guesses cannot stall the hub.
 */
async function hashCode(store: HubStore, digits: string): Promise<string> {
  const salt = await store.secret('enrollment_salt', () => randomBytes(16).toString('base64'));
  return new Promise((resolve, reject) =>
    scrypt(digits, salt, 32, SCRYPT, (error, key) =>
      error ? reject(error) : resolve(key.toString('base64')),
    ),
  );
}

/** Stores a new one-time code for a terminal; purges codes long expired. */
export async function createCode(store: HubStore, request: NewEnrollmentCode): Promise<CreatedCode> {
  const { now } = request;
  await store.purgeEnrollmentCodes(new Date(now.getTime() - KEEP_AFTER_EXPIRY_MS).toISOString());
  const expiresAt = new Date(now.getTime() + request.hours * 3600 * 1000).toISOString();
  const codeId = `enr-${randomBytes(6).toString('hex')}`;
  // A fresh code until it does not collide with a stored one (practically always the first).
  for (;;) {
    const code = Array.from({ length: ENROLLMENT_CODE_DIGITS }, () => randomInt(10)).join('');
    const hash = await hashCode(store, code);
    if (await store.enrollmentCodeExists(hash)) continue;
    await store.addEnrollmentCode({
      codeId,
      hash,
      terminalId: request.terminalId,
      centre: request.centre,
      template: request.template,
      createdAt: now.toISOString(),
      expiresAt,
    });
    return { codeId, code, expiresAt };
  }
}

/** Redeems a code at most once (the store marks it used in the transaction that finds it). */
export async function redeemCode(store: HubStore, digits: string, now: Date): Promise<RedeemOutcome> {
  return store.redeemEnrollmentCode(await hashCode(store, digits), now);
}
