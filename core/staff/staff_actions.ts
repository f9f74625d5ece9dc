import type { PrintService } from '../printing/print_service';
import type { Handlers } from '../rpc/dispatcher';
import type { SyncService } from '../sync/sync_service';
import type { StaffDesk } from './staff_desk';

/** What staff do with a submission: print it (audited), mark it handled, send the queue now. */
export function staffActionHandlers(
  desk: StaffDesk,
  print: PrintService,
  sync: SyncService,
  now: () => Date,
): Pick<Handlers, 'staff.print' | 'staff.mark_handled' | 'staff.send_now'> {
  return {
    'staff.print': async ({ uuid, document, language }) => {
      desk.audit(`staff.print_${document}`, uuid);
      return document === 'application'
        ? print.printApplication(uuid, language)
        : print.printReceipt(uuid, language);
    },
    'staff.mark_handled': ({ uuid }) => {
      const at = now();
      if (!desk.queries.markHandled(uuid, at)) return { ok: false, reason: 'not_found' };
      desk.audit('staff.mark_handled', uuid);
      return { ok: true, handledAt: at.toISOString() };
    },
    'staff.send_now': async () => {
      desk.audit('staff.send_now');
      const round = await sync.sendRound();
      if (!round.ok) {
        const { reason } = round;
        return {
          ok: false,
          reason:
            reason === 'offline' ||
            reason === 'not_configured' ||
            reason === 'hub_not_trusted' ||
            reason === 'hub_identity_mismatch'
              ? reason
              : 'blocked',
        };
      }
      void desk.marks.pull();
      return round;
    },
  };
}
