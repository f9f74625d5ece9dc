import { type BackoffPolicy, nextDelayMs } from '../../common/sync/backoff';
import type { BatchItem, ItemResult } from '../../common/sync/protocol';
import type { Logger } from '../../node_shared/logger';
import type { Failure, HubClient } from './hub_client';
import { type ItemVerdict, type OutboxQueue, type QueuedSubmission, toBatchItem } from './outbox_queue';

export interface WorkerOptions {
  terminalId: string;
  batchSize: number;
  maxBatchBytes: number;
  backoff: BackoffPolicy;
  /** How often an empty queue is looked at again. */
  idleMs: number;
  now: () => Date;
  random?: () => number;
  logger: Logger;
  /** Called whenever the hub itself answered (for "last contact"). */
  onContact: (at: Date) => void;
}

export type Blocked = 'not_enrolled' | 'update_required';

export interface RoundResult {
  delivered: number;
  refused: number;
  /** Nothing was pending. */
  empty: boolean;
  failure: Failure | null;
}

/** The verdict on one sent row, or null when the answer does not settle it (the row stays pending). */
function verdictOf(row: QueuedSubmission, result: ItemResult | undefined): ItemVerdict | null {
  if (!result) return null;
  if (result.status === 200 || result.status === 201) {
    // Only a receipt that echoes this id AND this hash proves the hub holds exactly these bytes.
    const { receipt } = result;
    return receipt.uuid === row.uuid && receipt.sha256 === row.sha256
      ? { uuid: row.uuid, state: 'delivered', receipt }
      : null;
  }
  if (result.status === 409) return { uuid: row.uuid, state: 'quarantined', reason: 'conflict' };
  return {
    uuid: row.uuid,
    state: 'rejected',
    reason: result.detail ? `${result.reason}: ${result.detail}` : result.reason,
  };
}

/**
 * The one sync worker: sends the outbox oldest first in batches over a keep-alive connection. Each
 * round marks the attempt, sends, then records the hub's verdicts; rows are never deleted. Failures
 * back off (jittered, exponential, `Retry-After` honoured); 401 and 426 park the worker until `kick`.
 */
export class OutboxWorker {
  private running = false;
  private halted = false;
  private loop: Promise<void> | null = null;
  private round: Promise<RoundResult> | null = null;
  private wake: (() => void) | null = null;
  private failures = 0;
  /** After the hub refused a whole batch, rows go one by one for a while so the bad one is isolated. */
  private singleRowsLeft = 0;
  /** The hub's `Retry-After`: reconnect kicks do not cut this wait short. */
  private holdUntil = 0;
  blocked: Blocked | null = null;
  online = false;
  nextAttemptAt: Date | null = null;

  constructor(
    private readonly queue: OutboxQueue,
    private readonly client: HubClient,
    private readonly options: WorkerOptions,
  ) {}

  get sending(): boolean {
    return this.round !== null;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Stops at once, synchronously: the loop ends and a round whose request is still out writes nothing
   * when it returns (the database may be closed by then). The row stays pending and is resent later.
   */
  halt(): void {
    this.running = false;
    this.halted = true;
    this.wake?.();
  }

  /** Halts and waits until the loop and any round in flight have finished. */
  async stop(): Promise<void> {
    this.halt();
    await this.loop;
    await this.round;
  }

  /** Ends a wait early (after a reconnect), unless the hub asked for a pause with `Retry-After`. */
  kick(): void {
    if (this.options.now().getTime() < this.holdUntil) return;
    this.blocked = null;
    this.wake?.();
  }

  /** One round now (or the one already running), ignoring the backoff wait. */
  async sendNow(): Promise<RoundResult> {
    if (this.round) await this.round;
    this.blocked = null;
    const result = await this.sendRound();
    this.wake?.();
    return result;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const result = this.blocked ? null : await this.sendRound();
      if (!this.running) break;
      let delay = 0;
      if (this.blocked || result === null) delay = Number.POSITIVE_INFINITY;
      else if (result.failure) {
        this.failures++;
        const retryAfter = result.failure.kind === 'retry' ? result.failure.retryAfterMs : null;
        delay = nextDelayMs(this.failures, retryAfter, this.options.backoff, this.options.random);
        if (retryAfter !== null) this.holdUntil = this.options.now().getTime() + retryAfter;
      } else {
        this.failures = 0;
        if (result.empty) delay = this.options.idleMs;
      }
      this.nextAttemptAt =
        Number.isFinite(delay) && delay > 0 ? new Date(this.options.now().getTime() + delay) : null;
      if (delay > 0) await this.sleep(delay);
      this.nextAttemptAt = null;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = Number.isFinite(ms) ? setTimeout(() => done(), ms) : null;
      timer?.unref();
      const done = () => {
        if (timer) clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      this.wake = done;
    });
  }

  private sendRound(): Promise<RoundResult> {
    if (!this.round) this.round = this.roundBody().finally(() => (this.round = null));
    return this.round;
  }

  private async roundBody(): Promise<RoundResult> {
    const { options } = this;
    if (this.halted) return { delivered: 0, refused: 0, empty: true, failure: null };
    const limit = this.singleRowsLeft > 0 ? 1 : options.batchSize;
    const rows = this.queue.due(limit, options.maxBatchBytes);
    if (rows.length === 0) return { delivered: 0, refused: 0, empty: true, failure: null };
    this.queue.markAttempt(
      rows.map((row) => row.uuid),
      options.now(),
    );
    const items: BatchItem[] = rows.map((row) => toBatchItem(row, options.terminalId));
    const answer = await this.client.sendBatch(items);
    if (this.halted) return { delivered: 0, refused: 0, empty: false, failure: null };
    if (this.singleRowsLeft > 0) this.singleRowsLeft--;
    if (!answer.ok) return this.failed(rows, answer.error);

    const results = new Map(answer.value.results.map((result) => [result.uuid, result]));
    const verdicts = rows.map((row) => verdictOf(row, results.get(row.uuid))).filter((v) => v !== null);
    const at = options.now();
    this.queue.apply(verdicts, at);
    this.contact(at);
    const delivered = verdicts.filter((v) => v.state === 'delivered').length;
    const refused = verdicts.length - delivered;
    if (refused > 0) options.logger.warn('sync.refused', { count: refused });
    // An answer that settles nothing it was asked is treated like a failure, so it cannot spin the loop.
    const failure: Failure | null =
      verdicts.length < rows.length ? { kind: 'retry', why: 'unsettled_items', retryAfterMs: null } : null;
    return { delivered, refused, empty: false, failure };
  }

  private failed(rows: readonly QueuedSubmission[], failure: Failure): RoundResult {
    const none = { delivered: 0, refused: 0, empty: false };
    if (failure.kind === 'refused') {
      this.contact(this.options.now());
      if (rows.length > 1) {
        this.singleRowsLeft = rows.length;
        return { ...none, failure: null };
      }
      this.queue.apply(
        [{ uuid: rows[0]!.uuid, state: 'rejected', reason: `http_${failure.status}: ${failure.error}` }],
        this.options.now(),
      );
      return { ...none, refused: 1, failure: null };
    }
    if (failure.kind === 'retry') {
      // A hub that answers "busy" is online; silence, resets and other servers' pages are not.
      if (failure.hubAnswered) this.contact(this.options.now());
      else this.online = false;
      this.options.logger.info('sync.retry', { why: failure.why });
    } else {
      this.contact(this.options.now());
      this.blocked = failure.kind;
      this.options.logger.warn('sync.blocked', { why: failure.kind });
    }
    return { ...none, failure };
  }

  private contact(at: Date): void {
    this.online = true;
    this.options.onContact(at);
  }
}
