import { type DependencyList, useCallback, useEffect, useState } from 'react';

/** Where a read from the core stands; a refused or failed call is `failed` (the screen says so). */
export type CoreQuery<T> = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; value: T };

/**
 * A read from the core, made when the component mounts and again when `deps` change or `reload` is called;
 * an answer that arrives after the component left (or after a newer read) is dropped. Hand-written rather than
 * TanStack Query: every read here is per screen and per visitor (nothing to share, nothing to keep between
 * sessions), so a client cache would be one more holder of visitor data to wipe, and its retries and refetch on
 * focus would change what a visitor sees.
 */
export function useCoreQuery<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): CoreQuery<T> & { reload: () => void } {
  const [state, setState] = useState<CoreQuery<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `deps` are the caller's inputs of `load`
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ status: 'ready', value }),
      () => live && setState({ status: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}
