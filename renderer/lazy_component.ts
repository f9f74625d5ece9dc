import { type ComponentType, createElement, use } from 'react';

const preloaders: (() => Promise<unknown>)[] = [];

/**
 * A component whose code is its own chunk, loaded the first time it renders (inside a `<Suspense>`), so the
 * first screen loads only its own code. Once loaded it renders at once, without suspending again. A failed
 * load (e.g. a file replaced by an update) is tried once more, then again on the next render.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> & { preload(): Promise<ComponentType<P>> } {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    loading ??= load()
      .catch(() => load())
      .then(
        (component) => {
          loaded = component;
          return component;
        },
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
    return loading;
  };
  preloaders.push(preload);
  // biome-ignore lint/correctness/noComponentHookFactories: a factory like React.lazy, called once per module at load
  function Lazy(props: P) {
    return createElement(loaded ?? use(preload()), props);
  }
  return Object.assign(Lazy, { preload });
}

/** Loads every lazy component declared so far (tests that render screens synchronously). */
export function preloadAllLazyComponents(): Promise<unknown> {
  return Promise.all(preloaders.map((preload) => preload()));
}
