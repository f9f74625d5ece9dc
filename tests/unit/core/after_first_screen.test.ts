import { afterEach, describe, expect, it, vi } from 'vitest';
import { AfterFirstScreen, FIRST_SCREEN_FALLBACK_MS } from '../../../core/system/after_first_screen';
import { createMemoryLogger } from '../../../node_shared/logger';

afterEach(() => {
  vi.useRealTimers();
});

describe('background work after the first screen', () => {
  it('waits for the first screen, then starts each task once', () => {
    vi.useFakeTimers();
    const started: string[] = [];
    const after = new AfterFirstScreen(createMemoryLogger());
    after.add('speech', async () => started.push('speech'));
    after.add('printer', async () => started.push('printer'));
    vi.advanceTimersByTime(FIRST_SCREEN_FALLBACK_MS - 1);
    expect(started).toEqual([]);
    after.start();
    after.start();
    expect(started).toEqual(['speech', 'printer']);
    after.add('late', async () => started.push('late'));
    expect(started).toEqual(['speech', 'printer', 'late']);
    vi.advanceTimersByTime(FIRST_SCREEN_FALLBACK_MS);
    expect(started).toHaveLength(3);
  });

  it('starts anyway when no renderer ever reports its first screen', () => {
    vi.useFakeTimers();
    const started: string[] = [];
    new AfterFirstScreen(createMemoryLogger()).add('speech', async () => started.push('speech'));
    vi.advanceTimersByTime(FIRST_SCREEN_FALLBACK_MS);
    expect(started).toEqual(['speech']);
  });

  it('logs a failing task by name (no details) and still runs the others', async () => {
    const logger = createMemoryLogger();
    const after = new AfterFirstScreen(logger);
    const ran: string[] = [];
    after.add('broken', () => Promise.reject(new TypeError('secret 150203199003070025')));
    after.add('throws', () => {
      throw new RangeError('boom');
    });
    after.add('fine', async () => ran.push('fine'));
    after.start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ran).toEqual(['fine']);
    expect(logger.lines.join('\n')).toContain('"task":"broken","error":"TypeError"');
    expect(logger.lines.join('\n')).toContain('"task":"throws","error":"RangeError"');
    expect(logger.lines.join('\n')).not.toContain('150203');
    after.close();
  });

  it('runs nothing once closed', () => {
    vi.useFakeTimers();
    const started: string[] = [];
    const after = new AfterFirstScreen(createMemoryLogger());
    after.add('speech', async () => started.push('speech'));
    after.close();
    vi.advanceTimersByTime(FIRST_SCREEN_FALLBACK_MS * 2);
    expect(started).toEqual([]);
  });
});
