import { SerialPort } from 'serialport';
import { COMMANDS, encodeAnswer, encodeFrame, FrameDecoder, STATUS } from '../../core/idcard/sam_frame';
import { SimulatedCardSlot } from '../../core/idcard/simulated_card_slot';
import { TEXT_BLOCK_BYTES } from '../../core/idcard/text_block';

/** Ways the simulated reader can misbehave on its next answer (the integration tests use each). */
export type Misbehaviour = 'bad_checksum' | 'oversized' | 'truncated' | 'silent' | 'noisy';

/** The photo block a real reader sends after the text: a recognisable pattern the kiosk must never keep. */
export const PHOTO_PATTERN = 0x5a;
const PHOTO_BYTES = 1024;

function same(body: Uint8Array, command: readonly [number, number]): boolean {
  return body[0] === command[0] && body[1] === command[1];
}

/**
 * A second-generation ID card reader on the far end of a serial line, for the dev host and the tests: it
 * answers the SAM protocol's frames (find, select, read base information, SAM id) from a card folder
 * (`SimulatedCardSlot`: `card.json` is the card on the reader). Run it on one end of a socat pseudo-terminal
 * pair and point the kiosk's `serial` adapter at the other end (`scripts/idcard_simulator.ts serve`).
 */
export class SamDevice {
  private readonly decoder = new FrameDecoder();
  private next: { kind: Misbehaviour; on: keyof typeof COMMANDS | null } | null = null;
  readonly received: number[][] = [];

  constructor(
    private readonly write: (bytes: Uint8Array) => void,
    private readonly slot: SimulatedCardSlot,
  ) {}

  /** The next answer (to this command only, when given) goes out spoiled. */
  misbehaveNext(kind: Misbehaviour, on: keyof typeof COMMANDS | null = null): void {
    this.next = { kind, on };
  }

  async receive(bytes: Uint8Array): Promise<void> {
    for (const frame of this.decoder.push(bytes)) {
      // a frame the device cannot read gets the SAM's "checksum error" answer, as real readers do
      const answer = frame.ok ? await this.answer(frame.value) : encodeAnswer(0x10);
      this.send(answer, frame.ok ? frame.value : null);
    }
  }

  private async answer(body: Uint8Array): Promise<Uint8Array> {
    this.received.push([body[0]!, body[1]!]);
    if (same(body, COMMANDS.findCard))
      return encodeAnswer(this.slot.find() ? STATUS.cardFound : STATUS.noCard, new Uint8Array(4));
    if (same(body, COMMANDS.selectCard))
      return encodeAnswer(this.slot.select() ? STATUS.ok : STATUS.selectFailed, new Uint8Array(8));
    if (same(body, COMMANDS.samId)) return encodeAnswer(STATUS.ok, this.slot.samId());
    if (same(body, COMMANDS.readBase)) {
      const text = await this.slot.read();
      if (!text.ok) return encodeAnswer(STATUS.readFailed);
      const data = new Uint8Array(4 + TEXT_BLOCK_BYTES + PHOTO_BYTES);
      data.set([TEXT_BLOCK_BYTES >> 8, TEXT_BLOCK_BYTES & 0xff, PHOTO_BYTES >> 8, PHOTO_BYTES & 0xff], 0);
      data.set(text.value, 4);
      data.fill(PHOTO_PATTERN, 4 + TEXT_BLOCK_BYTES);
      return encodeAnswer(STATUS.ok, data);
    }
    return encodeAnswer(0x21); // unknown command
  }

  private send(frame: Uint8Array, command: Uint8Array | null): void {
    const next = this.next;
    const applies = next && (next.on === null || (command !== null && same(command, COMMANDS[next.on])));
    if (applies) this.next = null;
    const out = applies ? this.spoil(frame, next.kind) : frame;
    if (out) this.write(out);
  }

  /** The answer as the misbehaving device sends it (null: nothing at all). */
  private spoil(frame: Uint8Array, kind: Misbehaviour): Uint8Array | null {
    switch (kind) {
      case 'silent':
        return null;
      case 'truncated':
        return frame.subarray(0, Math.max(8, frame.length >> 1));
      case 'bad_checksum': {
        const broken = frame.slice();
        broken[broken.length - 1] = broken.at(-1)! ^ 0xff;
        return broken;
      }
      case 'noisy':
        // line noise before the answer, a false start of a preamble among it
        return Uint8Array.of(0x00, 0xff, 0xaa, 0xaa, 0x13, 0x96, 0x69, ...frame);
      case 'oversized': {
        const huge = encodeFrame(new Uint8Array(8));
        huge[5] = 0xff;
        huge[6] = 0xff;
        return huge;
      }
    }
  }
}

/** Opens the device end of a serial line and answers on it until `close`. */
export async function serveSamDevice(
  path: string,
  cardsFolder: string,
): Promise<{ device: SamDevice; close(): Promise<void> }> {
  const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  const device = new SamDevice((bytes) => port.write(Buffer.from(bytes)), new SimulatedCardSlot(cardsFolder));
  // answers go out in order: one frame is handled before the next is read
  let queue = Promise.resolve();
  port.on('data', (bytes: Buffer) => {
    queue = queue.then(() => device.receive(bytes));
  });
  port.on('error', () => {});
  return {
    device,
    close: () => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}
