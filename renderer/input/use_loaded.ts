import { useEffect, useState } from 'react';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed' };

/** What each loader gave once it succeeded: a second keyboard is ready at once, with no loading step. */
const settled = new WeakMap<() => Promise<unknown>, unknown>();

/** Something loaded on demand (an input method's data): loading, ready, or failed (said to the visitor). */
export function useLoaded<T>(load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>(() =>
    settled.has(load) ? { status: 'ready', value: settled.get(load) as T } : { status: 'loading' },
  );
  useEffect(() => {
    if (settled.has(load)) return;
    let live = true;
    load().then(
      (value) => {
        settled.set(load, value);
        if (live) setState({ status: 'ready', value });
      },
      () => live && setState({ status: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  return state;
}
