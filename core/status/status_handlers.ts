import { hubIdOfToken } from '../../common/sync/token_format';
import type { CoreDeps } from '../core_deps';
import type { VisitorSession } from '../forms/visitor_session';
import type { Handlers } from '../rpc/dispatcher';
import { SCHEMA_VERSION } from '../storage/database';
import { askHubStatus } from './status_client';

/** A visitor waits for the answer at the screen: a slow hub is "cannot reach the centre now". */
const LOOKUP_TIMEOUT_MS = 8_000;

/**
 * "查询进度" at this kiosk, for an application filed at any kiosk of the city: the hub decides (and limits)
 * every lookup; the kiosk stores nothing of it, and keeps a found progress in memory only while the visitor's
 * session lasts (for its printed slip). Audited by outcome only (no receipt, no factor).
 */
export function statusHandlers(deps: CoreDeps, visitor: VisitorSession): Pick<Handlers, 'status.lookup'> {
  const config = deps.config;
  const centrePhone = config?.centre.phone ?? '';
  const hubId = config?.hubToken ? hubIdOfToken(config.hubToken) : null;
  return {
    'status.lookup': async (request) => {
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
    },
  };
}
