import { describe, expect, it } from 'vitest';
import { SpeechQueue } from '../../../core/speech/speech_queue';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('speech queue', () => {
  it('runs at most `concurrency` jobs at once', async () => {
    const queue = new SpeechQueue(2, 10);
    let running = 0;
    let peak = 0;
    const job = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return 1;
    };
    const results = await Promise.all(Array.from({ length: 8 }, () => queue.run(job, 'live')));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(peak).toBe(2);
  });

  it('refuses more waiting work than the cap with busy', async () => {
    const queue = new SpeechQueue(1, 2);
    const block = gate();
    const first = queue.run(() => block.opened, 'live');
    const waiting = [queue.run(async () => 1, 'live'), queue.run(async () => 2, 'live')];
    expect(await queue.run(async () => 3, 'live')).toEqual({ ok: false, error: 'busy' });
    block.open();
    await first;
    expect(await Promise.all(waiting)).toEqual([
      { ok: true, value: 1 },
      { ok: true, value: 2 },
    ]);
  });

  it('lets live requests overtake waiting background work', async () => {
    const queue = new SpeechQueue(1, 10);
    const block = gate();
    const order: string[] = [];
    const first = queue.run(() => block.opened, 'live');
    const background = queue.run(async () => order.push('background'), 'background');
    const live = queue.run(async () => order.push('live'), 'live');
    block.open();
    await Promise.all([first, background, live]);
    expect(order).toEqual(['live', 'background']);
  });

  it('runs background work one job at a time even with free capacity', async () => {
    const queue = new SpeechQueue(2, 10);
    let running = 0;
    let peak = 0;
    const job = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    };
    await Promise.all(Array.from({ length: 4 }, () => queue.run(job, 'background')));
    expect(peak).toBe(1);
  });

  it('starts no background work while a visitor’s clip is being synthesised', async () => {
    const queue = new SpeechQueue(2, 10);
    const visitorClip = gate();
    const order: string[] = [];
    const live = queue.run(async () => {
      await visitorClip.opened;
      order.push('live done');
    }, 'live');
    const background = queue.run(async () => order.push('background started'), 'background');
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    visitorClip.open();
    await Promise.all([live, background]);
    expect(order).toEqual(['live done', 'background started']);
  });
});
