import { err, ok, type Result } from '../../common/result';

export type Priority = 'live' | 'background';

/**
 * Bounds synthesis work: at most `concurrency` engine runs at once, at most `maxWaiting` requests waiting
 * per lane (more are refused as `busy` instead of piling up), and background work (pre-rendering) starts
 * only when nothing else runs or waits: on a terminal's two weak cores a visitor's clip (the first focus,
 * right after the first screen) gets the CPU to itself instead of sharing it with a pre-rendered one.
 */
export class SpeechQueue {
  private running = 0;
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
        job()
          .then((value) => resolve(ok(value)), reject)
          .finally(() => {
            this.running--;
            this.pump();
          });
      });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const next = this.live.shift() ?? (this.running > 0 ? undefined : this.background.shift());
      if (!next) return;
      next();
    }
  }
}
