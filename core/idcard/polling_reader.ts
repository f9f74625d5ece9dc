import { err, type Result } from '../../common/result';
import type { DeviceStatus } from '../diagnostics/device_ports';
import type { IdCardReader, ReaderEvent, ReaderFailure, ReaderProbe } from './id_card_reader';
import type { ChannelError, SamChannel } from './sam_channel';
import { STATUS } from './sam_frame';
import { parseTextBlock } from './text_block';

export interface PollingOptions {
  /** Pause between two "is a card there?" questions. */
  pollMs: number;
  /** Pause before opening the port again after it went away. */
  reopenMs: number;
  now?: () => number;
}

export const DEFAULT_POLLING: PollingOptions = { pollMs: 150, reopenMs: 2000 };

/** No card; a card lies there (read, or refused); a read the reader did not finish, tried once more. */
type Presence = 'absent' | 'present' | 'retry';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function failureOf(error: ChannelError): ReaderFailure {
  if (error.kind === 'unplugged') return 'unplugged';
  if (error.kind === 'timeout') return 'timeout';
  return 'unreadable';
}

/**
 * The reader's logic over any `SamChannel`: while watched, ask "find card" every `pollMs`; when one is
 * found, select it and read its text once, then ask until it has gone ("find" or "select" still answering
 * means the card lies there). A read that fails because the card went away is `removed_early`; other bad
 * reads are `unreadable` and the same card is not read again until it is taken away and put back; a read
 * the reader did not answer (timeout) is tried once more. A port that disappears is reopened every
 * `reopenMs`. Port and timeout errors are reported once per change of state.
 */
export class PollingReader implements IdCardReader {
  private listener: ((event: ReaderEvent) => void) | null = null;
  private loop: Promise<void> | null = null;
  private opened = false;
  private card: Presence = 'absent';
  private state: DeviceStatus = 'unknown';
  private lastError: ReaderFailure | null = null;
  private closed = false;
  /** One conversation with the device at a time (the loop, or a technician's probe). */
  private busy: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;

  constructor(
    private readonly channel: SamChannel,
    private readonly options: PollingOptions = DEFAULT_POLLING,
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  watch(listener: (event: ReaderEvent) => void): void {
    this.listener = listener;
    this.card = 'absent';
    this.lastError = null;
    this.loop ??= this.run().finally(() => {
      this.loop = null;
    });
  }

  pause(): void {
    this.listener = null;
  }

  status(): DeviceStatus {
    return this.state;
  }

  async probe(): Promise<ReaderProbe> {
    const samId = await this.exclusive(async () => {
      if (!(await this.ensureOpen())) return null;
      const id = await this.channel.samId();
      this.noteOutcome(id.ok ? null : id.error);
      return id.ok ? id.value : null;
    });
    return { port: this.channel.port, samId, status: this.state };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listener = null;
    await this.loop;
    await this.exclusive(() => this.channel.close());
    this.opened = false;
  }

  private emit(event: ReaderEvent): void {
    this.listener?.(event);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.busy.then(work, work);
    this.busy = next.catch(() => {});
    return next;
  }

  private async ensureOpen(): Promise<boolean> {
    if (this.opened) return true;
    const opened = await this.channel.open();
    this.opened = opened.ok;
    this.noteOutcome(opened.ok ? null : opened.error);
    return opened.ok;
  }

  /** Keeps the device state and reports a new failure once (not on every poll). */
  private noteOutcome(error: ChannelError | null): void {
    if (!error) {
      this.state = 'ok';
      this.lastError = null;
      return;
    }
    if (error.kind === 'unplugged') {
      this.opened = false;
      this.state = 'offline';
    } else if (error.kind === 'timeout') this.state = 'degraded';
    const failure = failureOf(error);
    if (failure !== this.lastError && (failure === 'unplugged' || failure === 'timeout')) {
      this.lastError = failure;
      this.emit({ kind: 'error', reason: failure });
    }
  }

  private async run(): Promise<void> {
    while (this.listener && !this.closed) {
      const wait = await this.exclusive(() => this.step());
      await sleep(wait);
    }
  }

  /** One round of the loop; returns how long to wait before the next. */
  private async step(): Promise<number> {
    if (!(await this.ensureOpen())) return this.options.reopenMs;
    if (this.card === 'present') {
      if (!(await this.stillThere())) {
        this.card = 'absent';
        this.emit({ kind: 'removed' });
      }
      return this.options.pollMs;
    }
    if (this.card === 'retry') {
      if (await this.stillThere()) await this.readCard();
      else this.card = 'absent';
      return this.options.pollMs;
    }
    const found = await this.channel.findCard();
    this.noteOutcome(found.ok ? null : found.error);
    if (!found.ok) return this.opened ? this.options.pollMs : this.options.reopenMs;
    if (found.value) await this.readCard();
    return this.options.pollMs;
  }

  private async readCard(): Promise<void> {
    const started = this.now();
    const retried = this.card === 'retry';
    this.emit({ kind: 'placed' });
    this.card = 'present';
    const block = await this.selectAndRead();
    if (!block.ok) {
      const failure = block.error;
      if (failure.kind === 'unplugged' || failure.kind === 'timeout') {
        this.noteOutcome(failure);
        // the card may still lie there, already selected: one more try once the reader answers again
        this.card = failure.kind === 'timeout' && !retried ? 'retry' : 'absent';
        return;
      }
      const there = await this.stillThere();
      this.card = there ? 'present' : 'absent';
      this.emit({ kind: 'error', reason: there ? 'unreadable' : 'removed_early' });
      return;
    }
    this.noteOutcome(null);
    const text = parseTextBlock(block.value);
    block.value.fill(0);
    if (!text.ok) {
      this.emit({ kind: 'error', reason: 'unreadable' });
      return;
    }
    this.emit({ kind: 'read', card: text.value, readerMs: Math.round(this.now() - started) });
  }

  private async selectAndRead(): Promise<Result<Uint8Array, ChannelError>> {
    const selected = await this.channel.selectCard();
    if (!selected.ok) return selected;
    if (!selected.value) return err({ kind: 'status', status: STATUS.selectFailed });
    return this.channel.readBase();
  }

  /** A card that was found is still in the field while "find" or "select" answers for it. */
  private async stillThere(): Promise<boolean> {
    const found = await this.channel.findCard();
    if (found.ok && found.value) return true;
    const selected = await this.channel.selectCard();
    if (!selected.ok) this.noteOutcome(selected.error);
    return selected.ok && selected.value;
  }
}
