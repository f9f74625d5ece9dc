import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeSpeechText } from '../../../common/speech/text_limits';
import { createSpeechEngine } from '../../../core/speech/create_engine';
import { sayBackend } from '../../../core/speech/say_backend';
import { parseWav } from '../../../core/speech/wav';
import { writeFakeEngine } from '../../fixtures/speech/fake_engines';
import { toneWav } from '../../fixtures/speech/test_audio_pack';
import { hostileTexts } from '../../unit/speech/hostile_texts';

/**
 * The macOS command line run for real against a stand-in `say` (this machine has none): it copies the
 * text file it was given and writes a WAV where `-o` says. Proves the runner writes the text as UTF-8
 * data, reads the WAV back from the output file and removes its private folder.
 */
let dir: string;
const marker = () => path.join(dir, 'pwned');
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-say-'));
  fs.writeFileSync(path.join(dir, 'tone.wav'), toneWav(330));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fakeSay() {
  // Arguments: -v VOICE -f TEXT -o OUT --file-format=WAVE --data-format=LEI16@22050
  return writeFakeEngine(
    dir,
    'say',
    [
      `[ "$1" = "-v" ] && [ "$3" = "-f" ] && [ "$5" = "-o" ] || exit 2`,
      `cp "$4" '${path.join(dir, 'seen.txt')}'`,
      `echo "$4" > '${path.join(dir, 'seen_path')}'`,
      `cp '${path.join(dir, 'tone.wav')}' "$6"`,
    ].join('\n'),
  );
}

describe('file-based backend through the real runner', () => {
  it('hands every hostile text over byte for byte as a file, and runs nothing from it', async () => {
    const engine = createSpeechEngine(sayBackend(fakeSay()));
    for (const raw of hostileTexts(marker())) {
      const text = normalizeSpeechText(raw);
      const wav = await engine.render(text, 'Tingting');
      expect(wav.ok && parseWav(wav.value)?.durationMs, raw).toBeCloseTo(200, 0);
      expect(fs.readFileSync(path.join(dir, 'seen.txt'), 'utf8')).toBe(text);
      const workFile = fs.readFileSync(path.join(dir, 'seen_path'), 'utf8').trim();
      expect(fs.existsSync(path.dirname(workFile)), 'private folder removed').toBe(false);
    }
    expect(fs.existsSync(marker())).toBe(false);
  });

  it('reports a run that leaves no output file as engine_failed', async () => {
    const engine = createSpeechEngine(sayBackend(writeFakeEngine(dir, 'say_silent', 'exit 0')));
    expect(await engine.render('您好', 'Tingting')).toEqual({ ok: false, error: 'engine_failed' });
  });

  it('maps "voice not found" to no_voice_for_language', async () => {
    const binary = writeFakeEngine(dir, 'say_novoice', `echo "Voice \\\`$2' not found." >&2\nexit 1`);
    const engine = createSpeechEngine(sayBackend(binary));
    expect(await engine.render('您好', 'Tingting')).toEqual({ ok: false, error: 'no_voice_for_language' });
  });
});
