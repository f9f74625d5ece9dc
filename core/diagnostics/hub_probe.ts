import { API_PREFIX, healthBodySchema } from '../../common/sync/protocol';
import { type HubEndpoint, hubRequest } from '../../node_shared/hub_request';
import type { HubIdentityWatch } from '../trust/hub_identity_watch';

export type HubProbeResult =
  | { reachable: true; latencyMs: number; clockSkewMs: number; hubId: string }
  | { reachable: false; reason: 'identity_mismatch' | 'unreachable' | 'timeout' | 'not_a_hub' };

/**
 * Asks the pinned hub's health endpoint: round-trip latency, and clock skew = hub time minus the midpoint
 * of our request (positive: the hub is ahead). A captive portal's 200 page is "not a hub", not "reachable";
 * a server with another certificate is an identity mismatch.
 */
export async function probeHub(
  hub: HubEndpoint,
  identity: HubIdentityWatch,
  now: () => Date,
  timeoutMs = 5000,
): Promise<HubProbeResult> {
  const started = now().getTime();
  const startedMono = performance.now();
  const answer = await hubRequest(hub, `${API_PREFIX}/health`, { maxAnswerBytes: 64 * 1024, timeoutMs });
  if (!answer.ok) {
    if (answer.error.kind === 'identity_mismatch') identity.mismatch('diagnostics');
    const reason =
      answer.error.kind === 'too_large' || answer.error.kind === 'network'
        ? 'unreachable'
        : answer.error.kind;
    return { reachable: false, reason };
  }
  const latencyMs = Math.round(performance.now() - startedMono);
  let body: unknown = null;
  try {
    body = answer.value.status === 200 ? JSON.parse(answer.value.body.toString('utf8')) : null;
  } catch {
    body = null;
  }
  const health = healthBodySchema.safeParse(body);
  if (!health.success) return { reachable: false, reason: 'not_a_hub' };
  const midpoint = started + latencyMs / 2;
  return {
    reachable: true,
    latencyMs,
    clockSkewMs: Math.round(Date.parse(health.data.time) - midpoint),
    hubId: health.data.hubId,
  };
}
