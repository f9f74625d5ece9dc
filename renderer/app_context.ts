import { createContext, useContext, useSyncExternalStore } from 'react';
import type { TerminalInfo } from '../common/contract/system_methods';
import type { FormsSession } from './screens/forms/forms_session';
import type { SessionStore } from './state/session_store';

export interface AppContextValue {
  store: SessionStore;
  terminal: TerminalInfo;
  /** This visit's open drafts and templates (a holder of visitor data, wiped at session end). */
  forms: FormsSession;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContext');
  return value;
}

const noSubscription = () => () => {};

/**
 * Whether the visitor chose elder mode (长辈版). Safe outside the app (component tests): false there.
 */
export function useElderMode(): boolean {
  const app = useContext(AppContext);
  return useSyncExternalStore(
    app?.store.subscribe ?? noSubscription,
    () => app?.store.getState().settings.elderMode ?? false,
  );
}
