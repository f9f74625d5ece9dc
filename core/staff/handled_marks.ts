import type { CoreDeps } from '../core_deps';
import { pullHandled } from './handled_pull';
import type { StaffQueries } from './staff_queries';

export interface HandledMarks {
  /** Fetches new marks now; null when the hub could not be asked (or there is no hub). */
  pull(): Promise<number | null>;
  close(): void;
}

/** The desk page's "handled" marks from the hub: on a timer (`pollMs`, 0: never) and when staff ask. */
export function startHandledMarks(
  deps: CoreDeps,
  queries: StaffQueries,
  options: { pollMs: number },
): HandledMarks {
  const config = deps.config;
  const hub = deps.hub;
  // Only over the pinned TLS to the hub of the organisation profile; a mismatch is reported by the watch.
  const pull = () =>
    config?.hubToken && hub
      ? pullHandled(deps.db, queries, {
          hub,
          identity: deps.hubIdentity,
          token: config.hubToken,
          appVersion: deps.appVersion,
        })
      : Promise.resolve(null);
  const timer =
    config?.hubToken && hub && options.pollMs > 0 ? setInterval(() => void pull(), options.pollMs) : null;
  timer?.unref();
  return { pull, close: () => timer && clearInterval(timer) };
}
