import type { HubStore } from './storage/hub_store';

/** How often the hub looks for tokens revoked by an administrator (the CLI, or another hub process). */
export const REVOCATION_POLL_MS = 500;

/**
 * Calls `onRevoked` with the ids of tokens revoked since the last look, so open sockets of a revoked token
 * close at once, whichever process or tool revoked it. The window overlaps a little (clock steps, slow
 * writers); closing a token's sockets twice is harmless.
 */
export function watchRevocations(
  store: HubStore,
  onRevoked: (tokenIds: ReadonlySet<string>) => void,
  onError: (error: unknown) => void,
): () => void {
  let since = new Date(Date.now() - 5_000).toISOString();
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    const next = new Date(Date.now() - 5_000).toISOString();
    store
      .revokedSince(since)
      .then((ids) => {
        since = next;
        if (ids.length > 0) onRevoked(new Set(ids));
      })
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, REVOCATION_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
