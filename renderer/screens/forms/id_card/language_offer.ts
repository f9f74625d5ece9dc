import type { SessionStore } from '../../../state/session_store';

/** The session in which the visitor was last asked whether to switch to Mongolian: asked once per session. */
const offeredIn = new WeakMap<SessionStore, number>();

export function languageOffered(store: SessionStore): boolean {
  return offeredIn.get(store) === store.getState().sessionNumber;
}

export function markLanguageOffered(store: SessionStore): void {
  offeredIn.set(store, store.getState().sessionNumber);
}
