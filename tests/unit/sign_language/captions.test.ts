import { describe, expect, it } from 'vitest';
import { captionAt, captionCueSchema, parseWebVtt } from '../../../common/sign_language/captions';

const CUES = [
  { startMs: 0, endMs: 2000, text: '您好' },
  { startMs: 1500, endMs: 4000, text: '请选择服务' },
  { startMs: 5000, endMs: 6000, text: '谢谢' },
];

describe('captions', () => {
  it('shows the cue of the playback position, the later one where two overlap, none in a gap', () => {
    expect(captionAt(CUES, 0)?.text).toBe('您好');
    expect(captionAt(CUES, 1800)?.text).toBe('请选择服务');
    expect(captionAt(CUES, 4500)).toBeNull();
    expect(captionAt(CUES, 5999)?.text).toBe('谢谢');
    expect(captionAt(CUES, 6000)).toBeNull();
  });

  it('reads WebVTT as subtitle tools write it: identifiers, NOTE blocks, voice tags, hour-less timings', () => {
    const vtt = [
      '\uFEFFWEBVTT - 法律援助',
      '',
      'NOTE recorded 2026-11-01',
      'second note line',
      '',
      '1',
      '00:00.000 --> 00:01.500 align:center',
      '<v 手语翻译>您好，</v>',
      '欢迎',
      '',
      '00:00:01.500 --> 00:00:04.250',
      '请选择服务 &amp; 帮助',
      '',
    ].join('\r\n');
    expect(parseWebVtt(vtt)).toEqual([
      { startMs: 0, endMs: 1500, text: '您好， 欢迎' },
      { startMs: 1500, endMs: 4250, text: '请选择服务 & 帮助' },
    ]);
  });

  it('refuses what is not WebVTT, and broken timings', () => {
    expect(parseWebVtt('1\n00:00:00,000 --> 00:00:01,000\nSRT\n')).toBeNull();
    expect(parseWebVtt('WEBVTT\n\n00:00.000 --> soon\ntext\n')).toBeNull();
  });

  it('a cue has text without control characters and ends after it starts', () => {
    expect(captionCueSchema.safeParse({ startMs: 0, endMs: 10, text: 'ok' }).success).toBe(true);
    expect(captionCueSchema.safeParse({ startMs: 10, endMs: 10, text: 'ok' }).success).toBe(false);
    expect(captionCueSchema.safeParse({ startMs: 0, endMs: 10, text: 'a\u0007b' }).success).toBe(false);
    expect(captionCueSchema.safeParse({ startMs: 0, endMs: 10, text: 'x'.repeat(301) }).success).toBe(false);
  });
});
