import { API_PREFIX, healthBodySchema } from '../../common/sync/protocol';

export type HubProbeResult =
  | { reachable: true; latencyMs: number; clockSkewMs: number; hubId: string }
  | { reachable: false; reason: 'unreachable' | 'timeout' | 'not_a_hub' };

/**
 * Asks the hub's health endpoint: round-trip latency, and clock skew = hub time minus the midpoint of our
 * request (positive: the hub is ahead). A captive portal's 200 page is "not a hub", not "reachable".
 */
export async function probeHub(
  hubUrl: string,
  now: () => Date,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 5000,
): Promise<HubProbeResult> {
  const started = now().getTime();
  const startedMono = performance.now();
  let body: unknown;
  try {
    const response = await fetchImpl(new URL(`${API_PREFIX}/health`, hubUrl), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = response.ok ? await response.text() : '';
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  } catch (error) {
    return { reachable: false, reason: (error as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable' };
  }
  const latencyMs = Math.round(performance.now() - startedMono);
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
