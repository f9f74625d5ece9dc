import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAudioPack } from '../../../core/speech/audio_pack';
import { formatImportReport, importAudioPack, keyOfFileName } from '../../../scripts/audio_pack_builder';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const LOCALES = path.join(ROOT, 'assets/locales');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audio-pack-'));
  dirs.push(dir);
  return dir;
}

/** A 16-bit tone of `seconds` with `padSeconds` of silence before and after (sox). */
function tone(file: string, seconds: number, padSeconds = 0.5, bits = 16) {
  execFileSync('sox', [
    '-n',
    '-r',
    '16000',
    '-b',
    String(bits),
    '-c',
    '1',
    file,
    'synth',
    String(seconds),
    'sine',
    '440',
    'pad',
    String(padSeconds),
    String(padSeconds),
  ]);
}

const options = (sourceDir: string, outDir: string) => ({
  language: 'mn-Mong-CN' as const,
  sourceDir,
  outDir,
  localesDir: LOCALES,
  version: '2026-11-29',
});

describe('audio pack import (npm run audio-pack)', () => {
  it('a good pack: silence trimmed, manifest in the engine format, clips load and play by key', async () => {
    const src = tempDir();
    tone(path.join(src, 'common:home.heading.wav'), 0.4);
    tone(path.join(src, 'common__a11y_bar.language.wav'), 0.3);
    const out = path.join(tempDir(), 'pack');
    const report = await importAudioPack(options(src, out));
    expect(report.rejected).toEqual([]);
    expect(report.imported.map((c) => c.key).sort()).toEqual([
      'common:a11y_bar.language',
      'common:home.heading',
    ]);
    const heading = report.imported.find((c) => c.key === 'common:home.heading');
    // 0.5 s of silence on each side removed: about 0.4 s of tone remains.
    expect(heading?.durationMs).toBeGreaterThan(330);
    expect(heading?.durationMs).toBeLessThan(470);
    const pack = loadAudioPack(out);
    expect(pack.ok).toBe(true);
    if (!pack.ok) return;
    const mnHeading = JSON.parse(fs.readFileSync(path.join(LOCALES, 'mn-Mong-CN/common.json'), 'utf8')).home
      .heading;
    expect(pack.value.hasClip('common:home.heading', mnHeading)).toBe(true);
    expect(pack.value.hasClip('common:home.heading', 'reworded')).toBe(false);
    expect((await pack.value.clip('common:home.heading', mnHeading)).ok).toBe(true);
    expect(report.missing).not.toContain('common:home.heading');
    expect(report.missing).toContain('common:language_name');
  });

  it('wrong files are rejected with a clear reason and nothing of them is written', async () => {
    const src = tempDir();
    fs.writeFileSync(path.join(src, 'common:home.heading.wav'), 'this is a text file\n');
    tone(path.join(src, 'common:help.back.wav'), 0.05);
    tone(path.join(src, 'common:no.such.key.wav'), 0.3);
    tone(path.join(src, '$(touch x).wav'), 0.3);
    tone(path.join(src, 'common:a11y_bar.home.wav'), 0.3, 0.1, 8);
    const out = path.join(tempDir(), 'pack');
    const report = await importAudioPack(options(src, out));
    expect(report.imported).toEqual([]);
    expect(report.rejected).toEqual(
      expect.arrayContaining([
        { file: 'common:home.heading.wav', reason: 'not_wav' },
        { file: 'common:help.back.wav', reason: 'too_short' },
        { file: 'common:no.such.key.wav', reason: 'unknown_key' },
        { file: '$(touch x).wav', reason: 'bad_name' },
        { file: 'common:a11y_bar.home.wav', reason: 'not_16bit_pcm' },
      ]),
    );
    expect(fs.readdirSync(out)).toEqual(['manifest.json']);
    const text = formatImportReport(report);
    expect(text).toContain('REJECTED common:home.heading.wav: not a PCM WAV file');
    expect(text).toMatch(/\d+ mn-Mong-CN string\(s\) still lack audio:\n {2}missing common:/);
  });

  it('the CLI reports missing keys and exits 1 on a rejected file; an existing output folder is refused', () => {
    const src = tempDir();
    tone(path.join(src, 'common:home.heading.wav'), 0.3);
    fs.writeFileSync(path.join(src, 'common:help.back.wav'), 'x');
    const out = path.join(tempDir(), 'pack');
    const cli = (...args: string[]) =>
      execFileSync(
        process.execPath,
        ['--import', 'tsx', path.join(ROOT, 'scripts/audio_pack_import.ts'), ...args],
        {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
    let failure: { status: number; stdout: string } | null = null;
    try {
      cli('--lang', 'mn-Mong-CN', src, '--out', out);
    } catch (error) {
      failure = error as { status: number; stdout: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stdout).toContain('imported 1 clip(s)');
    expect(failure?.stdout).toContain('missing common:language_name');
    expect(() => cli('--lang', 'mn-Mong-CN', src, '--out', out)).toThrow(/exists already/);
    expect(() => cli('--lang', 'xx', src)).toThrow(/usage/);
  });

  it('file names map to catalog keys only', () => {
    expect(keyOfFileName('common:home.heading.wav')).toBe('common:home.heading');
    expect(keyOfFileName('forms_ui__step.next.WAV')).toBe('forms_ui:step.next');
    expect(keyOfFileName('../etc/passwd.wav')).toBeNull();
    expect(keyOfFileName('common:home.heading.mp3')).toBeNull();
  });
});
