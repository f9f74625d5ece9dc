import {
  STATUS_FEED_PATH,
  STATUS_LOOKUP_PATH,
  STATUS_SET_PATH_PREFIX,
  statusLookupRequestSchema,
} from '../../common/status/review_states';
import { Refused, readJsonBody, sendJson } from '../http_io';
import { tooMany } from '../request_auth';
import { type Route, route } from '../router';
import type { GuessLimit, HubStore } from '../storage/hub_store';
import { parseWith } from '../sync_routes';
import { changeReview } from './review_change';
import { lookupSecret, lookupStatus } from './status_lookup';

/** Lookups allowed on the hub: per receipt number (guessing a factor) and per terminal (guessing receipts). */
export interface StatusLimits {
  perReceipt: GuessLimit;
  perTerminal: GuessLimit;
}

export const DEFAULT_STATUS_LIMITS: StatusLimits = {
  // Six tries an hour for one receipt: a visitor who mistypes can try again, a million guesses cannot.
  perReceipt: { burst: 6, perSecond: 6 / 3600 },
  // A queue of visitors at one kiosk, not a scan of receipt numbers.
  perTerminal: { burst: 30, perSecond: 30 / 600 },
};

export interface StatusDeps {
  store: HubStore;
  now: () => Date;
  limits: StatusLimits;
}

const MAX_STATUS_BODY = 4096;
const UUID = '([0-9a-f-]{36})';

/**
 * The status lookup of any kiosk of the hub (`POST /api/v1/status/lookup`, terminal token), the case
 * system's API to set a review state (`PUT /api/v1/status/<uuid>`, staff token) and each terminal's feed of
 * its own applications' states (`GET /api/v1/status/feed?since=SEQ`).
 */
export function statusRoutes({ store, now, limits }: StatusDeps): Route[] {
  return [
    route({
      methods: ['POST'],
      path: new RegExp(`^${STATUS_LOOKUP_PATH}$`),
      access: ['terminal'],
      handle: async ({ req, res, principal }) => {
        const request = parseWith(statusLookupRequestSchema, await readJsonBody(req, MAX_STATUS_BODY));
        const receiptKey = `status:receipt:${request.receiptNo.toUpperCase()}`;
        const terminalKey = `status:terminal:${principal.terminalId}`;
        // Both attempts are taken before the slow hash, so parallel requests cannot slip past a limit.
        const waitTerminal = await store.takeAttempt(terminalKey, limits.perTerminal, now().getTime());
        if (waitTerminal > 0) throw tooMany(waitTerminal);
        const waitReceipt = await store.takeAttempt(receiptKey, limits.perReceipt, now().getTime());
        if (waitReceipt > 0) throw tooMany(waitReceipt);
        const status = await lookupStatus(store, await lookupSecret(store), request);
        // One answer for an unknown receipt and a wrong factor: nothing says whether the receipt exists.
        if (!status) throw new Refused(404, 'not_found');
        await store.refundAttempt(receiptKey, limits.perReceipt, now().getTime());
        sendJson(res, 200, { hubId: store.hubId, status });
      },
    }),
    route({
      methods: ['PUT'],
      path: new RegExp(`^${STATUS_SET_PATH_PREFIX}${UUID}$`),
      access: ['staff', 'admin'],
      handle: async ({ req, res, params, principal }) => {
        const body = await readJsonBody(req, MAX_STATUS_BODY);
        const changed = await changeReview(store, principal, params[0]!, body, now().toISOString());
        if (!changed.ok)
          throw changed.error.kind === 'not_found'
            ? new Refused(404, 'not_found')
            : new Refused(422, 'invalid_request', { detail: changed.error.detail });
        sendJson(res, 200, { review: changed.value });
      },
    }),
    route({
      methods: ['GET'],
      path: new RegExp(`^${STATUS_FEED_PATH}$`),
      access: ['terminal'],
      currentAppOnly: false,
      handle: async ({ res, url, principal }) => {
        const since = Number(url.searchParams.get('since') ?? '0');
        if (!Number.isSafeInteger(since) || since < 0) throw new Refused(422, 'invalid_request');
        const items = await store.reviewMarks({ terminalId: principal.terminalId!, since, limit: 1000 });
        sendJson(res, 200, { items, next: items.at(-1)?.seq ?? since });
      },
    }),
  ];
}
