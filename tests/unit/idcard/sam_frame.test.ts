import { describe, expect, it } from 'vitest';
import {
  COMMANDS,
  encodeAnswer,
  encodeCommand,
  FrameDecoder,
  MAX_LENGTH,
  parseAnswer,
  STATUS,
} from '../../../core/idcard/sam_frame';

const hex = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');

describe('SAM frame codec', () => {
  it('encodes the commands exactly as the readers expect them (GA 467 frames)', () => {
    expect(hex(encodeCommand(COMMANDS.findCard))).toBe('aa aa aa 96 69 00 03 20 01 22');
    expect(hex(encodeCommand(COMMANDS.selectCard))).toBe('aa aa aa 96 69 00 03 20 02 21');
    expect(hex(encodeCommand(COMMANDS.readBase))).toBe('aa aa aa 96 69 00 03 30 01 32');
    expect(hex(encodeCommand(COMMANDS.samId))).toBe('aa aa aa 96 69 00 03 12 ff ee');
  });

  it('decodes an answer, also when it arrives in pieces and after line noise', () => {
    const frame = encodeAnswer(STATUS.cardFound, new Uint8Array(4));
    expect(hex(frame)).toBe('aa aa aa 96 69 00 08 00 00 9f 00 00 00 00 97');
    const decoder = new FrameDecoder();
    expect(decoder.push(Uint8Array.of(0x00, 0x13, 0xaa, ...frame.subarray(0, 6)))).toEqual([]);
    expect(decoder.pending()).toBe(true);
    const [result] = decoder.push(frame.subarray(6));
    expect(result?.ok).toBe(true);
    expect(parseAnswer(result?.ok ? result.value : new Uint8Array())).toMatchObject({ status: 0x9f });
    expect(decoder.pending()).toBe(false);
  });

  it('reads two frames that came in one chunk', () => {
    const decoder = new FrameDecoder();
    const two = new Uint8Array([
      ...encodeAnswer(STATUS.noCard),
      ...encodeAnswer(STATUS.ok, Uint8Array.of(7)),
    ]);
    const frames = decoder.push(two);
    expect(frames.map((f) => (f.ok ? parseAnswer(f.value)?.status : f.error))).toEqual([0x80, 0x90]);
  });

  it('a truncated frame yields nothing (the caller times out) and stays pending until reset', () => {
    const decoder = new FrameDecoder();
    const frame = encodeAnswer(STATUS.ok, new Uint8Array(300));
    expect(decoder.push(frame.subarray(0, 100))).toEqual([]);
    expect(decoder.pending()).toBe(true);
    decoder.reset();
    expect(decoder.pending()).toBe(false);
  });

  it('refuses a corrupted checksum and resynchronises on the next frame', () => {
    const decoder = new FrameDecoder();
    const bad = encodeAnswer(STATUS.ok, Uint8Array.of(1, 2, 3));
    bad[bad.length - 1] = bad.at(-1)! ^ 0x01;
    const frames = decoder.push(new Uint8Array([...bad, ...encodeAnswer(STATUS.noCard)]));
    expect(frames.map((f) => (f.ok ? parseAnswer(f.value)?.status : f.error))).toEqual([
      'bad_checksum',
      0x80,
    ]);
  });

  it('refuses an oversized length field at once instead of waiting for 64 KB', () => {
    const decoder = new FrameDecoder();
    const huge = encodeAnswer(STATUS.ok);
    huge[5] = 0xff;
    huge[6] = 0xff;
    const frames = decoder.push(new Uint8Array([...huge, ...encodeAnswer(STATUS.ok)]));
    expect(frames.map((f) => (f.ok ? 'frame' : f.error))).toEqual(['oversized', 'frame']);
    // the longest real answer (base information with photo) is still accepted
    const longest = encodeAnswer(STATUS.ok, new Uint8Array(MAX_LENGTH - 4));
    expect(decoder.push(longest).map((f) => f.ok)).toEqual([true]);
  });

  it('an answer body shorter than its status bytes is not an answer', () => {
    expect(parseAnswer(Uint8Array.of(0, 0))).toBeNull();
  });
});
