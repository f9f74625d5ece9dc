import { useEffect, useState } from 'react';
import type { SyncState } from '../../../common/contract/sync_methods';
import { Text } from '../../i18n/text';
import { call } from '../../rpc/api';

/**
 * The terminal's connection to the centre, in words, at the top of staff mode. When a server answered at
 * the hub's address with the wrong certificate, it is an alert: nothing was sent to it, and staff should
 * call the technician (someone may be intercepting the network). Remount it (a new `key`) to ask again.
 */
export function SyncStatusNotice() {
  const [state, setState] = useState<SyncState | null>(null);
  useEffect(() => {
    let alive = true;
    // No answer (the core is restarting): say nothing rather than something stale.
    call('sync.status', {}).then(
      (status) => alive && setState(status.state),
      () => {},
    );
    return () => {
      alive = false;
    };
  }, []);
  if (state === null) return null;
  const alarm = state === 'hub_identity_mismatch' || state === 'hub_not_trusted';
  return (
    <p className={alarm ? 'staff-sync staff-sync--alarm' : 'staff-sync'} role={alarm ? 'alert' : undefined}>
      <Text ns="sync" k={`state.${state}`} />
    </p>
  );
}
