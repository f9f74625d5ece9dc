import type { SerialPort } from 'serialport';
import { err, ok, type Result } from '../../common/result';
import { type ChannelError, formatSamId, type SamChannel } from './sam_channel';
import {
  type Answer,
  COMMANDS,
  type Command,
  encodeCommand,
  FrameDecoder,
  parseAnswer,
  STATUS,
} from './sam_frame';
import { TEXT_BLOCK_BYTES } from './text_block';

export interface SerialTimeouts {
  /** Find, select, SAM id: the reader answers these in tens of milliseconds. */
  commandMs: number;
  /** Reading the base information is the reader's longest command (chip access plus 1,295 bytes). */
  readMs: number;
}

export const DEFAULT_SERIAL_TIMEOUTS: SerialTimeouts = { commandMs: 1000, readMs: 3000 };

interface Waiter {
  resolve: (result: Result<Answer, ChannelError>) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The SAM protocol on a serial port (`serialport`, loaded only when a serial reader is configured). One
 * command at a time: write its frame, wait for one answer frame or the timeout. A corrupt or oversized
 * answer is `corrupt`; the port going away (USB pulled, `close`/`error` from the driver) is `unplugged`.
 */
export class SerialSamChannel implements SamChannel {
  private serial: SerialPort | null = null;
  private readonly decoder = new FrameDecoder();
  private waiter: Waiter | null = null;

  constructor(
    readonly port: string,
    private readonly baudRate: number,
    private readonly timeouts: SerialTimeouts = DEFAULT_SERIAL_TIMEOUTS,
  ) {}

  async open(): Promise<Result<void, ChannelError>> {
    if (this.serial?.isOpen) return ok(undefined);
    const { SerialPort } = await import('serialport');
    const serial = new SerialPort({ path: this.port, baudRate: this.baudRate, autoOpen: false });
    const opened = await new Promise<boolean>((resolve) => serial.open((error) => resolve(!error)));
    if (!opened) return err({ kind: 'unplugged' });
    serial.on('data', (bytes: Buffer) => this.receive(bytes));
    const gone = () => {
      if (this.serial !== serial) return;
      this.serial = null;
      this.decoder.reset();
      this.settle(err({ kind: 'unplugged' }));
    };
    serial.on('close', gone);
    serial.on('error', () => {
      gone();
      if (serial.isOpen) serial.close(() => {});
    });
    this.serial = serial;
    return ok(undefined);
  }

  async findCard(): Promise<Result<boolean, ChannelError>> {
    return this.yesNo(COMMANDS.findCard, STATUS.cardFound, STATUS.noCard);
  }

  async selectCard(): Promise<Result<boolean, ChannelError>> {
    return this.yesNo(COMMANDS.selectCard, STATUS.ok, STATUS.selectFailed);
  }

  async readBase(): Promise<Result<Uint8Array, ChannelError>> {
    const answer = await this.transact(COMMANDS.readBase, this.timeouts.readMs);
    if (!answer.ok) return answer;
    const { status, data } = answer.value;
    if (status !== STATUS.ok) return err({ kind: 'status', status });
    // text length and photo length (big-endian), then the text; the photo after it is never looked at
    const textLength = data.length >= 4 ? (data[0]! << 8) | data[1]! : 0;
    if (textLength !== TEXT_BLOCK_BYTES || data.length < 4 + textLength) {
      data.fill(0);
      return err({ kind: 'corrupt' });
    }
    const text = data.slice(4, 4 + textLength);
    data.fill(0);
    return ok(text);
  }

  async samId(): Promise<Result<string, ChannelError>> {
    const answer = await this.transact(COMMANDS.samId, this.timeouts.commandMs);
    if (!answer.ok) return answer;
    const { status, data } = answer.value;
    if (status !== STATUS.ok) return err({ kind: 'status', status });
    return data.length >= 16 ? ok(formatSamId(data.subarray(0, 16))) : err({ kind: 'corrupt' });
  }

  async close(): Promise<void> {
    const serial = this.serial;
    this.serial = null;
    this.settle(err({ kind: 'unplugged' }));
    if (serial?.isOpen) await new Promise<void>((resolve) => serial.close(() => resolve()));
  }

  private async yesNo(command: Command, yes: number, no: number): Promise<Result<boolean, ChannelError>> {
    const answer = await this.transact(command, this.timeouts.commandMs);
    if (!answer.ok) return answer;
    const { status } = answer.value;
    if (status === yes) return ok(true);
    if (status === no) return ok(false);
    return err({ kind: 'status', status });
  }

  private transact(command: Command, timeoutMs: number): Promise<Result<Answer, ChannelError>> {
    const serial = this.serial;
    if (!serial) return Promise.resolve(err({ kind: 'unplugged' }));
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        // a late or partial answer must not be taken for the next command's
        this.decoder.reset();
        serial.flush(() => {});
        resolve(err({ kind: 'timeout' }));
      }, timeoutMs);
      this.waiter = { resolve, timer };
      serial.write(Buffer.from(encodeCommand(command)), (error) => {
        if (error) this.settle(err({ kind: 'unplugged' }));
      });
    });
  }

  private receive(bytes: Buffer): void {
    for (const frame of this.decoder.push(bytes)) {
      if (!this.waiter) {
        if (frame.ok) frame.value.fill(0);
        continue;
      }
      const answer = frame.ok ? parseAnswer(frame.value) : null;
      if (!answer) this.decoder.reset();
      this.settle(answer ? ok(answer) : err({ kind: 'corrupt' }));
    }
    bytes.fill(0);
  }

  private settle(result: Result<Answer, ChannelError>): void {
    const waiter = this.waiter;
    if (!waiter) return;
    this.waiter = null;
    clearTimeout(waiter.timer);
    waiter.resolve(result);
  }
}
