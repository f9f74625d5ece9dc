import type { Result } from '../../common/result';

/**
 * Why a talk with the reader failed: no answer in time, a frame cut short or corrupt, the device gone
 * (USB pulled, port closed), or the reader's own refusal (its SW3 status byte).
 */
export type ChannelError =
  | { kind: 'timeout' }
  | { kind: 'corrupt' }
  | { kind: 'unplugged' }
  | { kind: 'status'; status: number };

/**
 * The four things every reader does, whichever way the kiosk talks to it: the SAM protocol on a serial
 * port, the vendor's `SDT_*` library, or the simulator's card folder. `findCard` and `selectCard` answer
 * false when no card is in the field; `readBase` gives the 256-byte text block only (the photo the reader
 * sends along is dropped unread).
 */
export interface SamChannel {
  /** What the technician sees as the port (device path, vendor port number, folder). */
  readonly port: string;
  open(): Promise<Result<void, ChannelError>>;
  findCard(): Promise<Result<boolean, ChannelError>>;
  selectCard(): Promise<Result<boolean, ChannelError>>;
  readBase(): Promise<Result<Uint8Array, ChannelError>>;
  samId(): Promise<Result<string, ChannelError>>;
  close(): Promise<void>;
}

/** The SAM id as vendors print it: `05.01-20130118-0004568765-2081845567` from its 16 bytes. */
export function formatSamId(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(view.getUint16(0, true), 2)}.${pad(view.getUint16(2, true), 2)}-${pad(view.getUint32(4, true), 8)}-${pad(view.getUint32(8, true), 10)}-${pad(view.getUint32(12, true), 10)}`;
}
