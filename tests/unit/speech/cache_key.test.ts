import { describe, expect, it } from 'vitest';
import type { SpeechCacheIdentity } from '../../../common/speech/cache_key';
import { SpeechCache } from '../../../core/speech/speech_cache';

const base: SpeechCacheIdentity = {
  language: 'zh-CN',
  voice: 'cmn-latn-pinyin',
  engine: 'espeak-ng',
  engineVersion: '1.51',
  text: '请选择服务',
};

describe('speech cache key', () => {
  it('is a SHA-256 hex name that is stable for the same identity', () => {
    expect(SpeechCache.keyOf(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(SpeechCache.keyOf({ ...base })).toBe(SpeechCache.keyOf(base));
  });

  it('changes when the text, voice, language, engine or engine version changes', () => {
    const keys = new Set(
      [
        base,
        { ...base, text: '请选择服务。' },
        { ...base, voice: 'cmn' },
        { ...base, language: 'en' as const },
        { ...base, engine: 'sapi' },
        { ...base, engineVersion: '1.52' },
      ].map((identity) => SpeechCache.keyOf(identity)),
    );
    expect(keys.size).toBe(6);
  });

  it('cannot be forged by moving the separator between fields', () => {
    expect(SpeechCache.keyOf({ ...base, voice: 'a', text: 'b|c' })).not.toBe(
      SpeechCache.keyOf({ ...base, voice: 'a|b', text: 'c' }),
    );
  });
});
