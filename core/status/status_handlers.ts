import type { StatusLookupRequest } from '../../common/status/review_states';
import { hubIdOfToken } from '../../common/sync/token_format';
import type { CoreDeps } from '../core_deps';
import type { VisitorSession } from '../forms/visitor_session';
import type { IdCardService } from '../idcard/id_card_service';
import type { Handlers } from '../rpc/dispatcher';
import { SCHEMA_VERSION } from '../storage/database';
import { askHubStatus } from './status_client';

/** A visitor waits for the answer at the screen: a slow hub is "cannot reach the centre now". */
const LOOKUP_TIMEOUT_MS = 8_000;
/** How long "place your ID card" waits for a card before the screen offers the six again. */
export const CARD_WAIT_MS = 60_000;

/**
 * "查询进度" at this kiosk, for an application filed at any kiosk of the city: the hub decides (and limits)
 * every lookup; the kiosk stores nothing of it, and keeps a found progress in memory only while the visitor's
 * session lasts (for its printed slip). Audited by outcome only (no receipt, no factor).
 */
export function statusHandlers(
  deps: CoreDeps,
  visitor: VisitorSession,
  idCard: IdCardService,
): Pick<Handlers, 'status.lookup' | 'status.lookup_by_card'> {
  const config = deps.config;
  const centrePhone = config?.centre.phone ?? '';
  const hubId = config?.hubToken ? hubIdOfToken(config.hubToken) : null;
  const lookup = async (request: StatusLookupRequest) => {
    const answer =
      config && hubId && deps.hub
        ? await askHubStatus(
            {
              endpoint: deps.hub,
              identity: deps.hubIdentity,
              token: config.hubToken,
              hubId,
              appVersion: deps.appVersion,
              schemaVersion: SCHEMA_VERSION,
              timeoutMs: LOOKUP_TIMEOUT_MS,
            },
            request,
            deps.now(),
          )
        : ({ ok: false, reason: 'offline' } as const);
    deps.audit.record('visitor', 'status.lookup', answer.ok ? 'found' : answer.reason);
    if (answer.ok) visitor.rememberStatus({ status: answer.status, checkedAt: answer.checkedAt });
    return { ...answer, centrePhone };
  };
  return {
    'status.lookup': lookup,
    // The six come from the card to the hub request and nowhere else (not the page, not a log).
    'status.lookup_by_card': async ({ receiptNo }) => {
      const read = await idCard.readFactor(CARD_WAIT_MS);
      if (!read.ok) return { ok: false, reason: read.reason, centrePhone };
      return lookup({ receiptNo, factor: read.six });
    },
  };
}
