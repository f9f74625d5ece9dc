import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyComponent } from '../../../renderer/lazy_component';

function Heading({ title }: { title: string }) {
  return <h2>{title}</h2>;
}

/** A loader the test releases by hand, counting how often it was asked. */
function controlledLoader(failures = 0) {
  let release: () => void = () => {};
  let calls = 0;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const load = async () => {
    calls++;
    await gate;
    if (calls <= failures) throw new Error('chunk failed to load');
    return Heading;
  };
  return { load, release: () => release(), calls: () => calls };
}

describe('screens loaded on first use', () => {
  it('shows nothing until its code has loaded, then the screen, and loads it once', async () => {
    const loader = controlledLoader();
    const Lazy = lazyComponent(loader.load);
    // Rendered in an async act, as the app's own render is: React retries the screen when its code arrives.
    await act(async () => {
      render(
        <Suspense fallback={null}>
          <Lazy title="请选择服务" />
        </Suspense>,
      );
    });
    expect(screen.queryByRole('heading')).toBeNull();
    await act(async () => {
      loader.release();
      await Lazy.preload();
    });
    expect(await screen.findByRole('heading', { name: '请选择服务' })).toBeTruthy();
    expect(loader.calls()).toBe(1);
  });

  it('renders at once, without suspending, once loaded (going back to a screen never flashes empty)', async () => {
    const loader = controlledLoader();
    const Lazy = lazyComponent(loader.load);
    loader.release();
    await Lazy.preload();
    render(
      <Suspense fallback={<p>loading</p>}>
        <Lazy title="法律服务机构" />
      </Suspense>,
    );
    expect(screen.getByRole('heading', { name: '法律服务机构' })).toBeTruthy();
    expect(screen.queryByText('loading')).toBeNull();
  });

  it('tries a failed load once more before giving up', async () => {
    const loader = controlledLoader(1);
    const Lazy = lazyComponent(loader.load);
    loader.release();
    await expect(Lazy.preload()).resolves.toBe(Heading);
    expect(loader.calls()).toBe(2);
  });
});
