import { describe, expect, it } from 'vitest';
import { espeakBackend } from '../../../core/speech/espeak_backend';
import { encodePowerShell, SAPI_NO_VOICE_EXIT, sapiBackend } from '../../../core/speech/sapi_backend';
import { sayBackend } from '../../../core/speech/say_backend';
import { hostileTexts } from './hostile_texts';

const MEGABYTE = 'x'.repeat(1024 * 1024);
const corpus = [...hostileTexts('/tmp/pwned-builder'), MEGABYTE];

const decodeScript = (encoded: string) => Buffer.from(encoded, 'base64').toString('utf16le');
/** The script with its base64 literals blanked: what is left is fixed code, the same for every text. */
const codeOf = (script: string) => script.replace(/D '[A-Za-z0-9+/=]*'/g, "D '…'");
const literals = (script: string) =>
  [...script.matchAll(/D '([A-Za-z0-9+/=]*)'/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'));

describe('espeak-ng command (Linux)', () => {
  const backend = espeakBackend('/usr/bin/espeak-ng');

  it('picks the Mandarin pinyin voice for Chinese, en-us for English and none for Mongolian', () => {
    expect(backend.voiceFor('zh-CN')).toBe('cmn-latn-pinyin');
    expect(backend.voiceFor('en')).toBe('en-us');
    expect(backend.voiceFor('mn-Mong-CN')).toBeNull();
  });

  it.each(corpus.map((text, i) => [i, text] as const))(
    'hostile text %i travels only through stdin',
    (_, text) => {
      const command = backend.build(text, 'cmn-latn-pinyin', '/tmp/work');
      expect(command.file).toBe('/usr/bin/espeak-ng');
      expect(command.args).toEqual(['-v', 'cmn-latn-pinyin', '-b', '1', '--stdin', '--stdout']);
      expect(command.stdin?.equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(command.inputFiles).toEqual([]);
      expect(command.output).toEqual({ kind: 'stdout' });
    },
  );
});

describe('SAPI command (Windows PowerShell)', () => {
  const backend = sapiBackend();
  const workDir = 'C:\\Users\\kiosk\\AppData\\Local\\Temp\\kiosk-speech-ab12';

  it('chooses voices by culture and has none for Mongolian', () => {
    expect(backend.voiceFor('zh-CN')).toBe('zh-CN');
    expect(backend.voiceFor('en')).toBe('en-US');
    expect(backend.voiceFor('mn-Mong-CN')).toBeNull();
  });

  it('runs PowerShell without profile, non-interactive, with an encoded script', () => {
    const command = backend.build('您好', 'zh-CN', workDir);
    expect(command.file).toBe('powershell.exe');
    expect(command.args.slice(0, 5)).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-EncodedCommand',
    ]);
    expect(command.args).toHaveLength(6);
    expect(command.args[5]).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(command.output).toEqual({ kind: 'file', path: `${workDir}\\speech.wav` });
  });

  it('decodes to a script that selects a zh-CN voice (Huihui preferred), exits 3 without one, writes WAV', () => {
    const script = decodeScript(backend.build('您好', 'zh-CN', workDir).args[5]!);
    expect(literals(script)).toEqual([`${workDir}\\text.txt`, `${workDir}\\speech.wav`, 'zh-CN', 'Huihui']);
    expect(script).toContain('VoiceInfo.Culture.Name -eq $culture');
    expect(script).toContain(`exit ${SAPI_NO_VOICE_EXIT}`);
    expect(script).toContain('[IO.File]::ReadAllText($textPath, [Text.Encoding]::UTF8)');
    expect(script).toContain('$synth.SetOutputToWaveFile($outPath, $format)');
    expect(script).toContain('$synth.Speak($text)');
    expect(script).not.toContain('SpeakSsml');
    expect(backend.classifyFailure?.(SAPI_NO_VOICE_EXIT, '')).toBe('no_voice_for_language');
    expect(backend.classifyFailure?.(1, '')).toBeNull();
  });

  it.each(corpus.map((text, i) => [i, text] as const))(
    'hostile text %i goes to a UTF-8 file, never into the command',
    (_, text) => {
      const command = backend.build(text, 'zh-CN', workDir);
      const reference = decodeScript(backend.build('plain', 'zh-CN', workDir).args[5]!);
      const script = decodeScript(command.args[5]!);
      // The code is identical whatever the text; the text itself is nowhere in the arguments.
      expect(codeOf(script)).toBe(codeOf(reference));
      expect(command.args[5]).toBe(encodePowerShell(reference));
      expect(command.inputFiles.map((f) => f.path)).toEqual([`${workDir}\\text.txt`]);
      expect(command.inputFiles[0]!.content.equals(Buffer.from(text, 'utf8'))).toBe(true);
    },
  );

  it('names its version after the installed voices, so a changed voice set changes every cache key', () => {
    const probe = backend.versionCommand();
    expect(probe.args.slice(0, 5)).toEqual([
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-EncodedCommand',
    ]);
    expect(decodeScript(probe.args[5]!)).toContain('GetInstalledVoices()');
    const one = backend.parseVersion('10.0.19045 Microsoft Huihui Desktop/zh-CN\r\n');
    expect(one).toMatch(/^sapi-[0-9a-f]{16}$/);
    expect(backend.parseVersion('10.0.19045 Microsoft Huihui Desktop/zh-CN')).toBe(one);
    expect(
      backend.parseVersion('10.0.19045 Microsoft Huihui Desktop/zh-CN,Microsoft Zira Desktop/en-US'),
    ).not.toBe(one);
  });

  it('keeps a hostile work folder name inert (base64 literal, not spliced into code)', () => {
    const evil = "C:\\Temp\\a'; Start-Process calc; '";
    const script = decodeScript(backend.build('x', 'zh-CN', evil).args[5]!);
    expect(script).not.toContain('Start-Process');
    expect(literals(script)[0]).toBe(`${evil}\\text.txt`);
  });
});

describe('say command (macOS)', () => {
  const backend = sayBackend();

  it('uses Tingting for Chinese, Samantha for English and nothing for Mongolian', () => {
    expect(backend.voiceFor('zh-CN')).toBe('Tingting');
    expect(backend.voiceFor('en')).toBe('Samantha');
    expect(backend.voiceFor('mn-Mong-CN')).toBeNull();
    expect(backend.classifyFailure?.(1, "Voice `Tingting' not found.")).toBe('no_voice_for_language');
  });

  it.each(corpus.map((text, i) => [i, text] as const))(
    'hostile text %i is read from a file (-f)',
    (_, text) => {
      const command = backend.build(text, 'Tingting', '/private/tmp/kiosk-speech-1');
      expect(command.file).toBe('/usr/bin/say');
      expect(command.args).toEqual([
        '-v',
        'Tingting',
        '-f',
        '/private/tmp/kiosk-speech-1/text.txt',
        '-o',
        '/private/tmp/kiosk-speech-1/speech.wav',
        '--file-format=WAVE',
        '--data-format=LEI16@22050',
      ]);
      expect(command.inputFiles.map((f) => f.path)).toEqual(['/private/tmp/kiosk-speech-1/text.txt']);
      expect(command.inputFiles[0]!.content.equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(command.stdin).toBeUndefined();
    },
  );
});
