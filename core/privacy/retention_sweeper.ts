import type { CoreDeps } from '../core_deps';
import type { DraftStore } from '../forms/draft_store';
import { sweepSpool } from '../printing/print_spool';
import { flushWal } from '../storage/database';
import { purgeDelivered, purgeRefused } from '../sync/retention';

/** Unkept drafts left behind by a crash or power cut are wiped after a day; kept drafts after 30 days. */
export const UNKEPT_DRAFT_MS = 24 * 3600_000;
export const KEPT_DRAFT_MS = 30 * 24 * 3600_000;
/** How often the sweep runs while the kiosk is up (and once at start). */
export const SWEEP_MS = 60_000;

export interface RetentionSweeper {
  /** One sweep now; returns how many items it erased. */
  sweep(): number;
  close(): void;
}

/**
 * Everything that expires, erased while the kiosk runs (not only at start-up): drafts past their time,
 * payloads of submissions delivered or refused more than 30 days ago, spooled PDFs older than a few minutes.
 * When anything went, the WAL is flushed and truncated so the erased bytes leave every file.
 */
export function startRetentionSweeper(
  deps: CoreDeps,
  drafts: DraftStore,
  spoolDir: string,
  everyMs = SWEEP_MS,
): RetentionSweeper {
  const sweep = () => {
    const now = deps.now();
    const nowMs = now.getTime();
    const counts = {
      drafts: drafts.expire(
        new Date(nowMs - UNKEPT_DRAFT_MS).toISOString(),
        new Date(nowMs - KEPT_DRAFT_MS).toISOString(),
      ),
      delivered: purgeDelivered(deps.db, now),
      refused: purgeRefused(deps.db, now),
      spooled: sweepSpool(spoolDir, Date.now()),
    };
    const total = counts.drafts + counts.delivered + counts.refused + counts.spooled;
    if (total > 0) {
      flushWal(deps.db);
      deps.logger.info('privacy.swept', counts);
    }
    return total;
  };
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return { sweep, close: () => clearInterval(timer) };
}
