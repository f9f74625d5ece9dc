import { useEffect } from 'react';
import { reportSessionActive } from '../../data/technician_data';
import type { SessionStore } from '../../state/session_store';

/**
 * Tells the core whether a visitor session is active (anywhere but the home screen), so an update never
 * installs under a visitor. Re-sent on every screen change: the core forgets a report after two hours.
 */
export function useSessionActivityReport(store: SessionStore): void {
  useEffect(() => {
    const report = () => {
      reportSessionActive({ active: store.getState().screen.name !== 'home' });
    };
    report();
    return store.subscribe(report);
  }, [store]);
}
