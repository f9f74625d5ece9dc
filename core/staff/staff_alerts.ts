import type { StaffAlert } from '../../common/contract/staff_methods';
import type { CoreDeps } from '../core_deps';
import type { Handlers } from '../rpc/dispatcher';
import { databaseRecovery } from '../storage/open_kiosk_database';

/** The terminal's own conditions for the staff screen: disk below its reserve, a recovered database. */
export function staffAlertHandlers(deps: CoreDeps): Pick<Handlers, 'staff.alerts'> {
  return {
    'staff.alerts': () => {
      const alerts: StaffAlert[] = [];
      if (deps.disk.low())
        alerts.push({
          kind: 'disk_low',
          freeBytes: deps.disk.freeBytes(),
          reserveBytes: deps.disk.reserveBytes,
        });
      const recovery = databaseRecovery(deps.db);
      if (recovery) alerts.push({ kind: 'database_recovered', ...recovery });
      return { ok: true, alerts };
    },
  };
}
