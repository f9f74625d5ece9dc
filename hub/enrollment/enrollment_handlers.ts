import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ENROLL_PATH,
  normalizeEnrollmentCode,
  redeemRequestSchema,
} from '../../common/provisioning/enrollment';
import type { Logger } from '../../node_shared/logger';
import { Refused, readJsonBody, sendJson, sendRefused } from '../http_io';
import { requestPrincipal } from '../releases/request_principal';
import type { HubStore } from '../storage/hub_store';
import { issueToken } from '../tokens';
import { createEnrollmentCode } from './create_code';
import type { EnrollmentStore } from './enrollment_store';
import { GuessLimiter } from './guess_limiter';

export const ENROLLMENT_ROUTE = /^\/api\/v1\/(enroll|enrollment-codes)$/;

/** A template is well under this; anything larger is refused unread. */
const MAX_ENROLL_BODY_BYTES = 16 * 1024;

export interface EnrollmentDeps {
  store: HubStore;
  enrollment: EnrollmentStore;
  logger: Logger;
  now: () => Date;
}

const rateLimited = (waitMs: number) =>
  new Refused(429, 'rate_limited', {}, { 'retry-after': String(Math.ceil(waitMs / 1000)) });

/**
 * `POST /api/v1/enroll {code}`: a new terminal redeems its one-time code for a terminal token and its
 * provisioning template. `POST /api/v1/enrollment-codes {terminalId, template, hours?}` (admin token):
 * creates a code. Wrong codes and failed logins are limited per address (10, then one per 30 s) and
 * hub-wide (60, then one per second); the code itself is never logged.
 */
export function createEnrollmentHandler(deps: EnrollmentDeps) {
  const perAddress = new GuessLimiter(10, 1 / 30);
  const hubWide = new GuessLimiter(60, 1);

  const retryAfterMs = (address: string, nowMs: number) =>
    Math.max(perAddress.retryAfterMs(address, nowMs), hubWide.retryAfterMs('hub', nowMs));

  const refuseGuess = (address: string, status: number, error: string): Refused => {
    const nowMs = Date.now();
    perAddress.fail(address, nowMs);
    hubWide.fail('hub', nowMs);
    deps.logger.warn('hub.enrollment_refused', { reason: error });
    return new Refused(status, error);
  };

  const jsonBody = (req: IncomingMessage) => readJsonBody(req, MAX_ENROLL_BODY_BYTES);

  async function redeem(req: IncomingMessage, address: string): Promise<[number, unknown]> {
    const parsed = redeemRequestSchema.safeParse(await jsonBody(req));
    const digits = parsed.success ? normalizeEnrollmentCode(parsed.data.code) : null;
    if (!digits) throw refuseGuess(address, 422, 'invalid_code');
    // Reserve the attempt before the slow hash, so parallel requests cannot all get past the limit.
    const reservedAt = Date.now();
    const wait = retryAfterMs(address, reservedAt);
    if (wait > 0) throw rateLimited(wait);
    perAddress.fail(address, reservedAt);
    hubWide.fail('hub', reservedAt);
    const outcome = await deps.enrollment.redeem(digits, deps.now());
    if (!outcome.ok) {
      const error = outcome.reason === 'unknown' ? 'unknown_code' : `code_${outcome.reason}`;
      deps.logger.warn('hub.enrollment_refused', { reason: error });
      throw new Refused(outcome.reason === 'unknown' ? 404 : 410, error);
    }
    perAddress.refund(address, Date.now());
    hubWide.refund('hub', Date.now());
    const at = deps.now();
    const revoked = deps.store.revokeTerminal(outcome.terminalId, at.toISOString());
    const issued = issueToken(
      deps.store,
      { role: 'terminal', terminalId: outcome.terminalId, centre: outcome.centre },
      at,
    );
    deps.logger.info('hub.enrollment_redeemed', {
      codeId: outcome.codeId,
      terminalId: outcome.terminalId,
      tokenId: issued.tokenId,
      revoked,
    });
    return [
      200,
      {
        hubId: deps.store.hubId,
        terminalId: outcome.terminalId,
        hubToken: issued.token,
        template: outcome.template,
      },
    ];
  }

  async function create(req: IncomingMessage, address: string): Promise<[number, unknown]> {
    const principal = requestPrincipal(req, deps.store);
    if (!principal) throw refuseGuess(address, 401, 'unauthorized');
    if (principal.role !== 'admin') throw new Refused(403, 'forbidden');
    const created = createEnrollmentCode(deps.enrollment, await jsonBody(req), deps.now());
    if (!created.ok)
      throw new Refused(422, 'invalid_request', {
        field: created.error.field,
        detail: `${created.error.field}: ${created.error.message}`.slice(0, 300),
      });
    deps.logger.info('hub.enrollment_code_created', {
      codeId: created.value.codeId,
      terminalId: created.value.terminalId,
      by: principal.tokenId,
    });
    return [201, created.value];
  }

  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const address = `addr:${req.socket.remoteAddress ?? ''}`;
    try {
      if (req.method !== 'POST') {
        sendJson(
          res,
          405,
          { error: 'method_not_allowed' },
          { headers: { allow: 'POST' }, close: !req.complete },
        );
        return;
      }
      const wait = retryAfterMs(address, Date.now());
      if (wait > 0) throw rateLimited(wait);
      const [status, body] = path === ENROLL_PATH ? await redeem(req, address) : await create(req, address);
      sendJson(res, status, body);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      sendRefused(req, res, error);
    }
  };
}
