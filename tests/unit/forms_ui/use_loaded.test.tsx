import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLoaded } from '../../../renderer/input/use_loaded';

function Show({ load }: { load: () => Promise<string> }) {
  const state = useLoaded(load);
  return <p>{state.status === 'ready' ? `ready ${state.value}` : state.status}</p>;
}

describe('input data loaded on demand', () => {
  it('is loading, then ready; a second keyboard gets it at once without a loading step', async () => {
    let calls = 0;
    const load = () => {
      calls++;
      return Promise.resolve('index');
    };
    const first = render(<Show load={load} />);
    expect(screen.getByText('loading')).toBeDefined();
    await screen.findByText('ready index');
    first.unmount();
    render(<Show load={load} />);
    expect(screen.getByText('ready index')).toBeDefined();
    expect(calls).toBe(1);
  });

  it('says so when loading failed (a chunk that could not be fetched)', async () => {
    render(<Show load={() => Promise.reject(new Error('offline'))} />);
    await waitFor(() => expect(screen.getByText('failed')).toBeDefined());
  });
});
