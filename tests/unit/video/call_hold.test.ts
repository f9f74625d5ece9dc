import { afterEach, describe, expect, it, vi } from 'vitest';
import { callInProgress, holdSessionForCall } from '../../../renderer/screens/video/call_hold';
import { IdleTimer } from '../../../renderer/state/idle_timer';

afterEach(() => {
  vi.useRealTimers();
});

describe('a call keeps the session alive', () => {
  it('no idle warning while a call is held; the normal timeout returns when it ends', () => {
    vi.useFakeTimers();
    const onExpire = vi.fn();
    // As app.tsx builds it: exempt while a call is in progress.
    const idle = new IdleTimer({ idleSeconds: 30, warningSeconds: 30, onExpire, isExempt: callInProgress });
    idle.start();
    const release = holdSessionForCall();
    expect(callInProgress()).toBe(true);
    vi.advanceTimersByTime(10 * 60_000);
    expect(idle.getPhase()).toEqual({ phase: 'active' });
    expect(onExpire).not.toHaveBeenCalled();

    release();
    expect(callInProgress()).toBe(false);
    vi.advanceTimersByTime(30_000);
    expect(idle.getPhase().phase).toBe('warning');
    vi.advanceTimersByTime(30_000);
    expect(onExpire).toHaveBeenCalledTimes(1);
    idle.stop();
  });

  it('two holds (the call and the external service) both have to end', () => {
    const first = holdSessionForCall();
    const second = holdSessionForCall();
    first();
    first();
    expect(callInProgress()).toBe(true);
    second();
    expect(callInProgress()).toBe(false);
  });
});
