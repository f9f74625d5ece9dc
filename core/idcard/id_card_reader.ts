import type { DeviceStatus } from '../diagnostics/device_ports';
import type { CardText } from './text_block';

/** A failed read, as the reader saw it (the service turns it into the visitor's message). */
export type ReaderFailure = 'unreadable' | 'removed_early' | 'timeout' | 'unplugged';

/** What the reader reports while it watches: a card came, its text was read, it went, or something failed. */
export type ReaderEvent =
  | { kind: 'placed' }
  | { kind: 'read'; card: CardText; readerMs: number }
  | { kind: 'removed' }
  | { kind: 'error'; reason: ReaderFailure };

export interface ReaderProbe {
  port: string;
  samId: string | null;
  status: DeviceStatus;
}

/**
 * One ID card reader, whatever adapter is behind it. It reads only while watched (a form's identity step
 * is open, or the technician's test runs): a card on an unwatched reader is never read.
 */
export interface IdCardReader {
  /** Starts (or redirects) watching; events go to this listener until `pause`. */
  watch(listener: (event: ReaderEvent) => void): void;
  pause(): void;
  /** Port, SAM id and state, for the technician and the heartbeat (not while watching: then the last state). */
  probe(): Promise<ReaderProbe>;
  status(): DeviceStatus;
  close(): Promise<void>;
}
