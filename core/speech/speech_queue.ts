import { err, ok, type Result } from '../../common/result';

export type Priority = 'live' | 'background';

/**
 * Bounds synthesis work: at most `concurrency` engine runs at once, at most `maxWaiting` requests waiting
 * per lane (more are refused as `busy` instead of piling up), and background work (pre-rendering) starts
 * only when no live request waits and no other background job runs, so it never delays a visitor.
 */
export class SpeechQueue {
  private running = 0;
  private backgroundRunning = false;
  private readonly live: (() => void)[] = [];
  private readonly background: (() => void)[] = [];

  constructor(
    private readonly concurrency = 2,
    private readonly maxWaiting = 16,
  ) {}

  get stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.live.length + this.background.length };
  }

  run<T>(job: () => Promise<T>, priority: Priority): Promise<Result<T, 'busy'>> {
    const lane = priority === 'live' ? this.live : this.background;
    if (lane.length >= this.maxWaiting) return Promise.resolve(err('busy'));
    return new Promise((resolve, reject) => {
      lane.push(() => {
        this.running++;
        if (priority === 'background') this.backgroundRunning = true;
        job()
          .then((value) => resolve(ok(value)), reject)
          .finally(() => {
            this.running--;
            if (priority === 'background') this.backgroundRunning = false;
            this.pump();
          });
      });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const next = this.live.shift() ?? (this.backgroundRunning ? undefined : this.background.shift());
      if (!next) return;
      next();
    }
  }
}
