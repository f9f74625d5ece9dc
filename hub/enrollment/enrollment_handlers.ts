import {
  ENROLL_PATH,
  ENROLLMENT_CODES_PATH,
  normalizeEnrollmentCode,
  redeemRequestSchema,
} from '../../common/provisioning/enrollment';
import type { Logger } from '../../node_shared/logger';
import { Refused, readJsonBody, sendJson } from '../http_io';
import { tooMany } from '../request_auth';
import { type Route, route } from '../router';
import type { GuessLimit, HubStore } from '../storage/hub_store';
import { issueToken } from '../tokens';
import { createEnrollmentCode } from './create_code';
import { redeemCode } from './enrollment_codes';

/** A template is well under this; anything larger is refused unread. */
const MAX_ENROLL_BODY_BYTES = 16 * 1024;

/**
 * Guesses are limited per code, not per address: the first four digits name the code a guess is aimed at,
 * and each such group may be tried 10 times, then once per 30 minutes, by everyone together, across every
 * hub process (the buckets live in the store). Guessing from a centre's NAT never blocks a technician who
 * types a right code there; a right code gets its attempt back. Against one code an attacker gets about 60
 * tries a day out of 10^8 for the remaining eight digits.
 */
export const CODE_GUESS_LIMIT: GuessLimit = { burst: 10, perSecond: 1 / 1800 };
const CODE_GROUP_DIGITS = 4;

export interface EnrollmentDeps {
  store: HubStore;
  logger: Logger;
  now: () => Date;
}

/**
 * `POST /api/v1/enroll {code}`: a new terminal redeems its one-time code for a terminal token and its
 * provisioning template. `POST /api/v1/enrollment-codes {terminalId, template, hours?}` (admin token):
 * creates a code. The code itself is never logged.
 */
export function enrollmentRoutes({ store, logger, now }: EnrollmentDeps): Route[] {
  return [
    route({
      methods: ['POST'],
      path: new RegExp(`^${ENROLL_PATH}$`),
      access: 'public',
      handle: async ({ req, res }) => {
        const parsed = redeemRequestSchema.safeParse(await readJsonBody(req, MAX_ENROLL_BODY_BYTES));
        const digits = parsed.success ? normalizeEnrollmentCode(parsed.data.code) : null;
        if (!digits) throw new Refused(422, 'invalid_code');
        const key = `code:${digits.slice(0, CODE_GROUP_DIGITS)}`;
        // Reserve the attempt before the slow hash, so parallel requests cannot all get past the limit.
        const wait = await store.takeAttempt(key, CODE_GUESS_LIMIT, Date.now());
        if (wait > 0) throw tooMany(wait);
        const outcome = await redeemCode(store, digits, now());
        if (!outcome.ok) {
          const error = outcome.reason === 'unknown' ? 'unknown_code' : `code_${outcome.reason}`;
          logger.warn('hub.enrollment_refused', { reason: error });
          throw new Refused(outcome.reason === 'unknown' ? 404 : 410, error);
        }
        await store.refundAttempt(key, CODE_GUESS_LIMIT, Date.now());
        const at = now();
        const revoked = await store.revokeTerminal(outcome.terminalId, at.toISOString());
        const issued = await issueToken(
          store,
          { role: 'terminal', terminalId: outcome.terminalId, centre: outcome.centre },
          at,
        );
        logger.info('hub.enrollment_redeemed', {
          codeId: outcome.codeId,
          terminalId: outcome.terminalId,
          tokenId: issued.tokenId,
          revoked: revoked.length,
        });
        sendJson(res, 200, {
          hubId: store.hubId,
          terminalId: outcome.terminalId,
          hubToken: issued.token,
          template: outcome.template,
        });
      },
    }),
    route({
      methods: ['POST'],
      path: new RegExp(`^${ENROLLMENT_CODES_PATH}$`),
      access: ['admin'],
      handle: async ({ req, res, principal }) => {
        const created = await createEnrollmentCode(
          store,
          await readJsonBody(req, MAX_ENROLL_BODY_BYTES),
          now(),
        );
        if (!created.ok)
          throw new Refused(422, 'invalid_request', {
            field: created.error.field,
            detail: `${created.error.field}: ${created.error.message}`.slice(0, 300),
          });
        logger.info('hub.enrollment_code_created', {
          codeId: created.value.codeId,
          terminalId: created.value.terminalId,
          by: principal.tokenId,
        });
        sendJson(res, 201, created.value);
      },
    }),
  ];
}
