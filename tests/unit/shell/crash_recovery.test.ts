import { describe, expect, it } from 'vitest';
import {
  createCrashRecovery,
  DEFAULT_CRASH_LIMIT,
  isAbnormalExit,
} from '../../../electron/main/crash_recovery';

const MINUTE = 60_000;

function withClock() {
  let now = 1_000_000;
  const recovery = createCrashRecovery({ ...DEFAULT_CRASH_LIMIT, now: () => now });
  return { recovery, advance: (ms: number) => (now += ms) };
}

describe('crash recovery', () => {
  it('reloads after the first two crashes and shows the staff page at the third within five minutes', () => {
    const { recovery, advance } = withClock();
    expect(recovery.record()).toBe('reload');
    advance(2 * MINUTE);
    expect(recovery.record()).toBe('reload');
    advance(2 * MINUTE);
    expect(recovery.record()).toBe('show_error');
    expect(recovery.recentCount()).toBe(3);
  });

  it('forgets crashes older than the window, so rare crashes keep reloading', () => {
    const { recovery, advance } = withClock();
    for (let i = 0; i < 10; i++) {
      expect(recovery.record(), `crash ${i + 1}`).toBe('reload');
      advance(2.5 * MINUTE + 1);
    }
    expect(recovery.recentCount()).toBe(1);
  });

  it('slides: the window is measured back from each crash, not in fixed buckets', () => {
    const { recovery, advance } = withClock();
    recovery.record(); // t = 0
    advance(4 * MINUTE);
    recovery.record(); // t = 4 min
    advance(MINUTE); // t = 5 min: the first crash has just left the window
    expect(recovery.record()).toBe('reload');
    advance(MINUTE - 1); // t just under 6 min: crashes at 4, 5 and now
    expect(recovery.record()).toBe('show_error');
  });

  it('keeps showing the staff page while crashes continue', () => {
    const { recovery, advance } = withClock();
    recovery.record();
    recovery.record();
    expect(recovery.record()).toBe('show_error');
    advance(10_000);
    expect(recovery.record()).toBe('show_error');
  });

  it('does not count a child process that exits cleanly', () => {
    expect(isAbnormalExit('clean-exit')).toBe(false);
    for (const reason of [
      'crashed',
      'oom',
      'killed',
      'abnormal-exit',
      'launch-failed',
      'integrity-failure',
    ]) {
      expect(isAbnormalExit(reason), reason).toBe(true);
    }
  });
});
