import { useEffect } from 'react';
import { call } from '../../rpc/api';
import type { SessionStore } from '../../state/session_store';

/**
 * Tells the core whether a visitor session is active (anywhere but the home screen), so an update never
 * installs under a visitor. Re-sent on every screen change: the core forgets a report after two hours.
 */
export function useSessionActivityReport(store: SessionStore): void {
  useEffect(() => {
    const report = () => {
      void call('session.set_active', { active: store.getState().screen.name !== 'home' }).catch(() => {});
    };
    report();
    return store.subscribe(report);
  }, [store]);
}
