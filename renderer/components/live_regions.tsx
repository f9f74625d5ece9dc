import { useSyncExternalStore } from 'react';
import { useAnnounce } from '../a11y/kit_context';

/** The page's single polite (status) and assertive (errors) live regions; always present, so changes are read. */
export function LiveRegions() {
  const announcer = useAnnounce();
  const { polite, assertive } = useSyncExternalStore(announcer.subscribe, announcer.getState);
  return (
    <div className="visually-hidden">
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="live-polite">
        {polite ? <span key={polite.serial}>{polite.text}</span> : null}
      </div>
      <div role="alert" aria-live="assertive" aria-atomic="true" data-testid="live-assertive">
        {assertive ? <span key={assertive.serial}>{assertive.text}</span> : null}
      </div>
    </div>
  );
}
