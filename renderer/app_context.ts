import { createContext, useContext } from 'react';
import type { TerminalInfo } from '../common/contract/system_methods';
import type { SessionStore } from './state/session_store';

export interface AppContextValue {
  store: SessionStore;
  terminal: TerminalInfo;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContext');
  return value;
}
