import { err, ok, type Result } from '../../common/result';
import type { ChannelError, SamChannel } from './sam_channel';
import { STATUS } from './sam_frame';
import type { SdtLibrary } from './sdt_library';
import { TEXT_BLOCK_BYTES } from './text_block';

/** Vendor libraries answer below 0x10 when the port itself fails (not opened, no device, transfer error). */
const PORT_FAILURE_BELOW = 0x10;
/** 0x10 and 0x11: the SAM received a frame with a bad checksum or length. */
const FRAME_ERRORS = new Set([0x10, 0x11]);

function failure(status: number): ChannelError {
  if (status < PORT_FAILURE_BELOW) return { kind: 'unplugged' };
  if (FRAME_ERRORS.has(status)) return { kind: 'corrupt' };
  return { kind: 'status', status };
}

/**
 * A reader driven through the vendor's `SDT_*` library (see `sdt_library.ts`). The library is loaded on the
 * first open, so a missing or wrong file shows as an offline reader, never as a core that does not start.
 */
export class VendorSdtChannel implements SamChannel {
  readonly port: string;
  private loaded: SdtLibrary | null = null;

  constructor(
    private readonly load: () => Promise<Result<SdtLibrary, 'not_loaded'>>,
    private readonly portNumber: number,
  ) {
    this.port = String(portNumber);
  }

  private get library(): SdtLibrary {
    if (!this.loaded) throw new Error('the vendor library is used before it was opened');
    return this.loaded;
  }

  async open(): Promise<Result<void, ChannelError>> {
    if (!this.loaded) {
      const library = await this.load();
      if (!library.ok) return err({ kind: 'unplugged' });
      this.loaded = library.value;
    }
    const status = await this.library.openPort(this.portNumber).catch(() => 0);
    return status === STATUS.ok ? ok(undefined) : err({ kind: 'unplugged' });
  }

  async findCard(): Promise<Result<boolean, ChannelError>> {
    return this.yesNo(
      this.library.startFindIdCard(this.portNumber, new Uint8Array(8)),
      STATUS.cardFound,
      STATUS.noCard,
    );
  }

  async selectCard(): Promise<Result<boolean, ChannelError>> {
    return this.yesNo(
      this.library.selectIdCard(this.portNumber, new Uint8Array(8)),
      STATUS.ok,
      STATUS.selectFailed,
    );
  }

  async readBase(): Promise<Result<Uint8Array, ChannelError>> {
    const text = new Uint8Array(TEXT_BLOCK_BYTES);
    const photo = new Uint8Array(1024);
    const textLength = [0];
    const status = await this.library
      .readBaseMsg(this.portNumber, text, textLength, photo, [0])
      .catch(() => 0)
      .finally(() => photo.fill(0));
    if (status !== STATUS.ok) {
      text.fill(0);
      return err(failure(status));
    }
    if (textLength[0] === TEXT_BLOCK_BYTES) return ok(text);
    text.fill(0);
    return err({ kind: 'corrupt' });
  }

  async samId(): Promise<Result<string, ChannelError>> {
    const out = new Uint8Array(64);
    const status = await this.library.samIdToStr(this.portNumber, out).catch(() => 0);
    if (status !== STATUS.ok) return err(failure(status));
    const end = out.indexOf(0);
    return ok(
      String.fromCharCode(...out.subarray(0, end < 0 ? out.length : end)).replace(/[^\x20-\x7e]/g, ''),
    );
  }

  async close(): Promise<void> {
    await this.loaded?.closePort(this.portNumber).catch(() => 0);
  }

  private async yesNo(
    pending: Promise<number>,
    yes: number,
    no: number,
  ): Promise<Result<boolean, ChannelError>> {
    const status = await pending.catch(() => 0);
    if (status === yes) return ok(true);
    if (status === no) return ok(false);
    return err(failure(status));
  }
}
