import { describe, expect, it } from 'vitest';
import { encodeWav, fixWavSizes, parseWav } from '../../../core/speech/wav';

describe('WAV header', () => {
  const oneSecond = encodeWav(new Int16Array(22050), 22050);

  it('reads format and duration of a PCM WAV', () => {
    expect(parseWav(oneSecond)).toMatchObject({ sampleRate: 22050, channels: 1, bitsPerSample: 16 });
    expect(parseWav(oneSecond)?.durationMs).toBeCloseTo(1000, 5);
  });

  it('repairs the placeholder sizes a streaming engine leaves (espeak-ng --stdout)', () => {
    const streamed = Buffer.from(oneSecond);
    streamed.writeUInt32LE(0x7ffff024, 4);
    streamed.writeUInt32LE(0x7ffff000, 40);
    expect(parseWav(streamed)?.durationMs).toBeCloseTo(1000, 5);
    const fixed = fixWavSizes(streamed)!;
    expect(fixed.readUInt32LE(4)).toBe(fixed.length - 8);
    expect(fixed.readUInt32LE(40)).toBe(44100);
  });

  it('rejects what is not a PCM WAV', () => {
    expect(parseWav(Buffer.from('not a wav at all, just text'))).toBeNull();
    expect(parseWav(Buffer.alloc(0))).toBeNull();
    const float = Buffer.from(oneSecond);
    float.writeUInt16LE(3, 20);
    expect(parseWav(float)).toBeNull();
    expect(fixWavSizes(Buffer.from('RIFF'))).toBeNull();
  });
});
