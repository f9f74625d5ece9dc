import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeSpeechText } from '../../../common/speech/text_limits';
import { createSpeechEngine } from '../../../core/speech/create_engine';
import { espeakBackend } from '../../../core/speech/espeak_backend';
import { parseWav } from '../../../core/speech/wav';
import { hostileTexts } from '../../unit/speech/hostile_texts';

const engine = createSpeechEngine(espeakBackend());
const MARKER = `/tmp/pwned-speech-${process.pid}`;

/** Phoneme mnemonics of espeak-ng for a text (text through stdin, like the engine does). */
function phonemes(voice: string, text: string): string {
  const run = spawnSync('espeak-ng', ['-q', '-x', '-v', voice, '-b', '1', '--stdin'], { input: text });
  return run.stdout.toString('utf8');
}

afterAll(() => fs.rmSync(MARKER, { force: true }));

describe('espeak-ng, for real', () => {
  it('reports its version (part of every cache key)', async () => {
    expect(await engine.version()).toEqual({ ok: true, value: expect.stringMatching(/^\d+\.\d+/) });
  });

  it('renders 8 Chinese characters to a mono 16-bit WAV of 1–5 s with a correct header', async () => {
    const wav = await engine.render('公共法律服务中心', 'cmn-latn-pinyin');
    if (!wav.ok) throw new Error(wav.error);
    const info = parseWav(wav.value)!;
    expect(info).toMatchObject({ sampleRate: 22050, channels: 1, bitsPerSample: 16 });
    expect(info.durationMs).toBeGreaterThan(1000);
    expect(info.durationMs).toBeLessThan(5000);
    expect(wav.value.readUInt32LE(4)).toBe(wav.value.length - 8);
  });

  it('renders an English sentence of plausible length, longer text taking longer', async () => {
    const short = await engine.render('Please choose a service.', 'en-us');
    const long = await engine.render(
      'Please choose a service. Free legal aid is available for people with disabilities.',
      'en-us',
    );
    if (!short.ok || !long.ok) throw new Error('render failed');
    const shortMs = parseWav(short.value)!.durationMs;
    expect(shortMs).toBeGreaterThan(800);
    expect(shortMs).toBeLessThan(4000);
    expect(parseWav(long.value)!.durationMs).toBeGreaterThan(shortMs * 2);
  });

  it('speaks pure Chinese with Mandarin phonemes: no switch to English in the pinyin voice', () => {
    for (const text of ['您好，欢迎使用公共法律服务自助终端。', '申请法律援助', '公证与费用减免']) {
      const output = phonemes('cmn-latn-pinyin', text);
      expect(output.trim().length).toBeGreaterThan(0);
      expect(output, text).not.toContain('(en)');
    }
    // The check can fail: the plain `cmn` voice of 1.51 does switch to English for these.
    expect(phonemes('cmn', '您好，欢迎使用')).toContain('(en)');
  });

  it('reads text that looks like options as words, never as options', async () => {
    for (const text of ['--version', '-v en --stdout', '--help me']) {
      const wav = await engine.render(text, 'en-us');
      expect(wav.ok && parseWav(wav.value) !== null, text).toBe(true);
    }
    expect(phonemes('en-us', '--help me')).toMatch(/h'Elp/);
  });

  it('renders every hostile text as speech and executes nothing', async () => {
    for (const raw of hostileTexts(MARKER)) {
      const text = normalizeSpeechText(raw);
      const wav = await engine.render(text, raw.match(/[\u4e00-\u9fff]/) ? 'cmn-latn-pinyin' : 'en-us');
      expect(wav.ok, raw).toBe(true);
      if (wav.ok) expect(parseWav(wav.value)!.durationMs, raw).toBeGreaterThan(0);
    }
    expect(fs.existsSync(MARKER)).toBe(false);
    expect(fs.existsSync('/tmp/evil.wav')).toBe(false);
  });

  it('refuses a 1 MB text as too long without starting the engine', async () => {
    const started = performance.now();
    expect(await engine.render('法'.repeat(1024 * 1024), 'cmn-latn-pinyin')).toEqual({
      ok: false,
      error: 'text_too_long',
    });
    expect(performance.now() - started).toBeLessThan(200);
  });
});
