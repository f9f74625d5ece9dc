import type { Handlers } from '../rpc/dispatcher';
import type { SyncService } from './sync_service';

type SyncMethod = 'sync.status' | 'sync.send_now' | 'sync.problems';

/** Sync status for the UI; for staff, "send now" and "what was refused". */
export function syncHandlers(sync: SyncService): Pick<Handlers, SyncMethod> {
  return {
    'sync.status': () => sync.status(),
    'sync.send_now': () => sync.sendRound(),
    'sync.problems': ({ limit }) => ({ items: sync.queue.problems(limit) }),
  };
}
