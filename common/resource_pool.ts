import { err, ok, type Result } from './result';

export interface ResourcePoolOptions<T> {
  /** At most this many resources exist at once (each serves one job at a time). */
  size: number;
  /** Jobs allowed to wait for a resource; more are refused as `busy`, so a flood cannot grow memory. */
  maxWaiting: number;
  create(): Promise<T>;
  destroy(resource: T): Promise<void> | void;
  /** A resource is retired after this many jobs (long-lived browser pages must not grow forever). */
  maxUses?: number;
}

export type PoolRefusal = 'busy' | 'closed';

interface Held<T> {
  resource: T;
  uses: number;
}

/** What a waiting job is handed: a free resource, or a free slot to create one in. */
type Grant<T> = Held<T> | 'create' | 'closed';

/**
 * A small pool of reusable resources (browser pages, a hidden print window). Each job has a resource to
 * itself; waiting jobs are served strictly in arrival order (so prints come out in the order pressed); a
 * resource whose job threw is destroyed and replaced, never handed out again. Job errors propagate to the
 * caller; `use` itself refuses only when the waiting line is full or the pool is closed.
 */
export class ResourcePool<T> {
  private readonly idle: Held<T>[] = [];
  private readonly waiters: ((grant: Grant<T>) => void)[] = [];
  /** Resources that exist or are being created. */
  private slots = 0;
  private closed = false;

  constructor(private readonly options: ResourcePoolOptions<T>) {}

  get stats(): { resources: number; idle: number; waiting: number } {
    return { resources: this.slots, idle: this.idle.length, waiting: this.waiters.length };
  }

  /**
   * Runs `job` on a resource of its own. When the job throws, its resource is destroyed; if `retryOn` says
   * so (e.g. the renderer crashed) the job runs once more on a fresh resource in the same slot, so it keeps
   * its place in line.
   */
  async use<R>(
    job: (resource: T) => Promise<R>,
    retryOn?: (error: unknown, resource: T) => boolean,
  ): Promise<Result<R, PoolRefusal>> {
    const grant = await this.acquire();
    if (grant === 'busy' || grant === 'closed') return err(grant);
    let held = grant === 'create' ? null : grant;
    for (let attempt = 1; ; attempt++) {
      if (!held) {
        try {
          held = { resource: await this.options.create(), uses: 0 };
        } catch (error) {
          this.vacate();
          throw error;
        }
      }
      try {
        const value = await job(held.resource);
        this.release(held);
        return ok(value);
      } catch (error) {
        this.destroy(held.resource);
        const again = attempt === 1 && !this.closed && retryOn?.(error, held.resource) === true;
        held = null;
        if (!again) {
          this.vacate();
          throw error;
        }
      }
    }
  }

  /** Destroys the idle resources (e.g. their browser went away); busy ones are destroyed when released. */
  discardIdle(): void {
    for (const held of this.idle.splice(0)) this.retire(held);
  }

  /** Refuses new jobs, wakes the waiting ones with `closed`, destroys idle resources; busy ones follow. */
  close(): void {
    this.closed = true;
    for (const wake of this.waiters.splice(0)) wake('closed');
    this.discardIdle();
  }

  private acquire(): Promise<Grant<T> | 'busy'> | Grant<T> | 'busy' {
    if (this.closed) return 'closed';
    const idle = this.idle.shift();
    if (idle) return idle;
    if (this.slots < this.options.size) {
      this.slots++;
      return 'create';
    }
    if (this.waiters.length >= this.options.maxWaiting) return 'busy';
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private release(held: Held<T>): void {
    held.uses++;
    const worn = this.options.maxUses !== undefined && held.uses >= this.options.maxUses;
    if (worn || this.closed) {
      this.retire(held);
      return;
    }
    const next = this.waiters.shift();
    if (next) next(held);
    else this.idle.push(held);
  }

  private retire(held: Held<T>): void {
    this.destroy(held.resource);
    this.vacate();
  }

  private destroy(resource: T): void {
    void Promise.resolve()
      .then(() => this.options.destroy(resource))
      .catch(() => undefined);
  }

  /** A slot became free without a resource in it: the next waiter creates one, or the slot is given up. */
  private vacate(): void {
    const next = this.closed ? undefined : this.waiters.shift();
    if (next) next('create');
    else this.slots--;
  }
}
