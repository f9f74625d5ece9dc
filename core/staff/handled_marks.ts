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
  options: { pollMs: number; fetchImpl?: typeof fetch | undefined },
): HandledMarks {
  const config = deps.config;
  const pull = () =>
    config?.hubToken
      ? pullHandled(deps.db, queries, {
          hubUrl: config.hubUrl,
          token: config.hubToken,
          appVersion: deps.appVersion,
          ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
        })
      : Promise.resolve(null);
  const timer =
    config?.hubToken && options.pollMs > 0 ? setInterval(() => void pull(), options.pollMs) : null;
  timer?.unref();
  return { pull, close: () => timer && clearInterval(timer) };
}
