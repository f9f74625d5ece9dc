import type { SyncState } from '../../../common/contract/sync_methods';
import { Text } from '../../i18n/text';

/**
 * The terminal's connection to the centre, in words, at the top of staff mode. When a server answered at
 * the hub's address with the wrong certificate, it is an alert: nothing was sent to it, and staff should
 * call the technician (someone may be intercepting the network). No state (not read yet, or the core did not
 * answer): nothing is said rather than something stale.
 */
export function SyncStatusNotice({ state }: { state: SyncState | null }) {
  if (state === null) return null;
  const alarm = state === 'hub_identity_mismatch' || state === 'hub_not_trusted';
  return (
    <p className={alarm ? 'staff-sync staff-sync--alarm' : 'staff-sync'} role={alarm ? 'alert' : undefined}>
      <Text ns="sync" k={`state.${state}`} />
    </p>
  );
}
