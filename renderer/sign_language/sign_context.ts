import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import type { SignController, SignState } from './sign_controller';
import type { SignKeyEntry } from './sign_key_registry';

/** The app's sign-language controller; absent outside the kiosk app (component tests of other screens). */
export const SignContext = createContext<SignController | null>(null);

export function useSignController(): SignController | null {
  return useContext(SignContext);
}

const CLOSED = null;
const noSubscription = () => () => {};

/** The panel's state, or null outside the app. */
export function useSignState(): SignState | null {
  const controller = useSignController();
  return useSyncExternalStore(
    controller?.subscribe ?? noSubscription,
    () => controller?.getState() ?? CLOSED,
  );
}

/**
 * Declares sign keys of the screen on show while the component is mounted. `keys` is compared by content, so
 * a new array with the same keys on each render registers nothing new.
 */
export function useSignKeys(
  keys: readonly string[],
  role: SignKeyEntry['role'] = 'screen',
  priority = 0,
): void {
  const controller = useSignController();
  const joined = keys.join('\n');
  useEffect(() => {
    if (!controller || joined === '') return;
    return controller.registry.register({ keys: joined.split('\n'), role, priority });
  }, [controller, joined, role, priority]);
}
