import { describe, expect, it } from 'vitest';
import {
  chunkSpeechText,
  cutAtSentence,
  MAX_SPEECH_TEXT_CHARS,
  normalizeSpeechText,
  SPEECH_CHUNK_CHARS,
} from '../../../common/speech/text_limits';

describe('speech text limits', () => {
  it('drops control and bidi characters, turns line breaks into spaces', () => {
    expect(normalizeSpeechText('  a\u0000b\u0007c\u001b[31m\u007f\u0085 \u202Ed\u202C\r\n\te  ')).toBe(
      'abc[31m d e',
    );
    expect(normalizeSpeechText('第一行\n第二行')).toBe('第一行 第二行');
  });

  it('keeps emoji, Chinese, Mongolian and quotes as text', () => {
    const text = '表情 😀 "引号" `x` $(y) ᠮᠣᠩᠭᠣᠯ';
    expect(normalizeSpeechText(text)).toBe(text);
  });

  it('cuts a 1 MB text at the last sentence end before the limit', () => {
    const sentence = '这是一个测试句子。';
    const huge = sentence.repeat(Math.ceil((1024 * 1024) / sentence.length));
    const cut = cutAtSentence(huge);
    expect(cut.length).toBeLessThanOrEqual(MAX_SPEECH_TEXT_CHARS);
    expect(cut.length).toBeGreaterThan(MAX_SPEECH_TEXT_CHARS - sentence.length);
    expect(cut.endsWith('。')).toBe(true);
  });

  it('cuts hard when there is no sentence end, never inside an emoji', () => {
    const cut = cutAtSentence(`${'a'.repeat(MAX_SPEECH_TEXT_CHARS - 1)}😀😀`);
    expect(cut.length).toBe(MAX_SPEECH_TEXT_CHARS - 1);
    expect(cutAtSentence('😀'.repeat(5000)).length % 2).toBe(0);
  });

  it('chunks long text at sentence ends, every chunk within the chunk size, nothing lost', () => {
    const text = 'First sentence here. 第二句话比较长一些，有逗号。Third one! '.repeat(30);
    const chunks = chunkSpeechText(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(SPEECH_CHUNK_CHARS);
    expect(chunks.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    expect(chunks[0]).toMatch(/[.。!，]$/);
  });

  it('leaves short text as one chunk and empty text as none', () => {
    expect(chunkSpeechText('请选择服务')).toEqual(['请选择服务']);
    expect(chunkSpeechText(' \n\u0000 ')).toEqual([]);
  });
});
