import type { Handlers } from '../rpc/dispatcher';
import type { SyncService } from './sync_service';

type SyncMethod = 'sync.status' | 'sync.send_now' | 'sync.problems';

/** Sync status for the UI and the staff actions "send now" and "what was refused". */
export function syncHandlers(sync: SyncService): Pick<Handlers, SyncMethod> {
  return {
    'sync.status': () => sync.status(),
    'sync.send_now': async () => {
      const round = sync.sendNow();
      if (!round) {
        const state = sync.status().state;
        return { ok: false, reason: state === 'hub_not_trusted' ? state : 'not_configured' };
      }
      const result = await round;
      const blocked = sync.worker?.blocked;
      if (blocked) return { ok: false, reason: blocked };
      if (result.failure?.kind === 'retry')
        return { ok: false, reason: sync.status().hubIdentityMismatch ? 'hub_identity_mismatch' : 'offline' };
      return { ok: true, delivered: result.delivered, pending: sync.queue.counts().pending };
    },
    'sync.problems': ({ limit }) => ({ items: sync.queue.problems(limit) }),
  };
}
