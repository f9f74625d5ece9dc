import { err, ok, type Result } from '../../common/result';

/**
 * Frames of the SAM serial protocol of second-generation ID card readers (GA 467):
 * `AA AA AA 96 69` · length (2 bytes, big-endian: the bytes after it, checksum included) · body · checksum
 * (XOR of the length bytes and the body). A command's body is `CMD PARA [data]`; an answer's body is
 * `SW1 SW2 SW3 [data]`, where SW3 is the status.
 */
export const PREAMBLE = [0xaa, 0xaa, 0xaa, 0x96, 0x69] as const;

export type Command = readonly [cmd: number, para: number];
export const COMMANDS = {
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readBase: [0x30, 0x01],
  samId: [0x12, 0xff],
} as const satisfies Record<string, Command>;

/** SW3 values the kiosk acts on. */
export const STATUS = {
  ok: 0x90,
  cardFound: 0x9f,
  noCard: 0x80,
  selectFailed: 0x81,
  readFailed: 0x41,
} as const;

/** The largest length field accepted: the base-information answer (0x0508) is the longest the kiosk asks for. */
export const MAX_LENGTH = 0x0508;
const HEADER = PREAMBLE.length + 2;

export type FrameProblem = 'bad_checksum' | 'oversized';

function checksum(bytes: Uint8Array, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value ^= bytes[i]!;
  return value;
}

/** A whole frame around a body (command or answer). */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const length = body.length + 1;
  const frame = new Uint8Array(HEADER + length);
  frame.set(PREAMBLE, 0);
  frame[5] = length >> 8;
  frame[6] = length & 0xff;
  frame.set(body, HEADER);
  frame[frame.length - 1] = checksum(frame, 5, frame.length - 1);
  return frame;
}

export function encodeCommand(command: Command, data: Uint8Array = new Uint8Array()): Uint8Array {
  return encodeFrame(Uint8Array.of(command[0], command[1], ...data));
}

/** An answer frame (the simulator's side). */
export function encodeAnswer(status: number, data: Uint8Array = new Uint8Array()): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[2] = status;
  body.set(data, 3);
  return encodeFrame(body);
}

export interface Answer {
  status: number;
  data: Uint8Array;
}

/** Reads an answer body; a body shorter than its three status bytes is no answer. */
export function parseAnswer(body: Uint8Array): Answer | null {
  return body.length < 3 ? null : { status: body[2]!, data: body.subarray(3) };
}

/**
 * Cuts a byte stream into frames. Bytes before a preamble are skipped; a frame whose length field exceeds
 * `MAX_LENGTH` or whose checksum is wrong comes out as a problem and the stream resynchronises on the next
 * preamble. What has not arrived yet stays buffered (`pending`): a frame cut short is noticed by the
 * caller's timeout.
 */
export class FrameDecoder {
  private buffer = new Uint8Array(0);

  push(bytes: Uint8Array): Result<Uint8Array, FrameProblem>[] {
    const joined = new Uint8Array(this.buffer.length + bytes.length);
    joined.set(this.buffer, 0);
    joined.set(bytes, this.buffer.length);
    this.buffer = joined;
    const out: Result<Uint8Array, FrameProblem>[] = [];
    for (;;) {
      const start = this.findPreamble();
      if (start < 0) {
        // keep a possible partial preamble at the end
        this.buffer = this.buffer.slice(Math.max(0, this.buffer.length - (PREAMBLE.length - 1)));
        return out;
      }
      this.buffer = this.buffer.slice(start);
      if (this.buffer.length < HEADER) return out;
      const length = (this.buffer[5]! << 8) | this.buffer[6]!;
      if (length > MAX_LENGTH || length < 1) {
        out.push(err('oversized'));
        this.buffer = this.buffer.slice(1);
        continue;
      }
      if (this.buffer.length < HEADER + length) return out;
      const end = HEADER + length;
      const valid = checksum(this.buffer, 5, end - 1) === this.buffer[end - 1];
      out.push(valid ? ok(this.buffer.slice(HEADER, end - 1)) : err('bad_checksum'));
      // the consumed bytes may hold card text: overwrite them before letting go
      this.buffer.fill(0, 0, end);
      this.buffer = this.buffer.slice(end);
    }
  }

  /** Part of a frame has arrived and the rest has not. */
  pending(): boolean {
    return this.buffer.length > 0 && this.findPreamble() === 0;
  }

  /** Drops whatever is buffered (after a timeout or a corrupt frame). */
  reset(): void {
    this.buffer.fill(0);
    this.buffer = new Uint8Array(0);
  }

  private findPreamble(): number {
    const b = this.buffer;
    outer: for (let i = 0; i + PREAMBLE.length <= b.length; i++) {
      for (let j = 0; j < PREAMBLE.length; j++) if (b[i + j] !== PREAMBLE[j]) continue outer;
      return i;
    }
    return -1;
  }
}
