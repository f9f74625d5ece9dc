import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Language } from '../common/languages';
import { CATALOG_KEY_PATTERN, staticCatalogStrings } from '../common/speech/catalog_strings';
import { type AudioPackManifest, loadAudioPack, sha256 } from '../core/speech/audio_pack';
import { loadCatalogStrings } from '../core/speech/catalogs';
import { parseWav } from '../core/speech/wav';

const run = promisify(execFile);

/** Bounds of one UI clip after trimming; anything outside is most likely a wrong file. */
export const MIN_CLIP_MS = 150;
export const MAX_CLIP_MS = 30_000;
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type Rejection =
  | 'unknown_key'
  | 'bad_name'
  | 'not_wav'
  | 'not_16bit_pcm'
  | 'too_short'
  | 'too_long'
  | 'too_big'
  | 'trim_failed';

export interface ImportReport {
  language: Language;
  outDir: string;
  imported: { key: string; file: string; durationMs: number }[];
  rejected: { file: string; reason: Rejection }[];
  /** Strings of this language's catalog (shown in this language, so spoken from a clip) with no clip yet. */
  missing: string[];
}

export interface ImportOptions {
  language: Language;
  sourceDir: string;
  outDir: string;
  localesDir: string;
  version: string;
}

/**
 * A recording is named by its catalog key: `common:home.heading.wav`, or `common__home.heading.wav` where a
 * file system forbids ':'.
 */
export function keyOfFileName(name: string): string | null {
  if (!name.toLowerCase().endsWith('.wav')) return null;
  const stem = name.slice(0, -4).replace(/^([a-z][a-z0-9_]*?)__/, '$1:');
  return CATALOG_KEY_PATTERN.test(stem) ? stem : null;
}

/** Trims leading and trailing silence (sox: silence at the start, reversed, again, reversed back). */
async function trimSilence(input: string, output: string): Promise<boolean> {
  try {
    await run(
      'sox',
      [
        input,
        '-b',
        '16',
        '-e',
        'signed-integer',
        output,
        'silence',
        '1',
        '0.1',
        '1%',
        'reverse',
        'silence',
        '1',
        '0.1',
        '1%',
        'reverse',
      ],
      { timeout: 30_000 },
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * Imports a folder of recordings into an audio pack (`manifest.json` + numbered clips) in the speech engine's
 * format, checking each file; the written pack is read back with the engine's own loader.
 */
export async function importAudioPack(options: ImportOptions): Promise<ImportReport> {
  const { language, sourceDir, outDir, localesDir, version } = options;
  const catalog = new Map(loadCatalogStrings(localesDir, language).map((s) => [s.key, s.text]));
  const known = new Set(loadCatalogStrings(localesDir, 'zh-CN').map((s) => s.key));
  if (fs.existsSync(outDir)) throw new Error(`output folder exists already: ${outDir}`);
  const staging = `${outDir}.partial-${process.pid}`;
  fs.mkdirSync(staging, { recursive: true });
  const report: ImportReport = { language, outDir, imported: [], rejected: [], missing: [] };
  const manifest: AudioPackManifest = { language, version, clips: {} };
  try {
    const names = fs
      .readdirSync(sourceDir)
      .filter((n) => n.toLowerCase().endsWith('.wav'))
      .sort();
    for (const name of names) {
      const key = keyOfFileName(name);
      const reject = (reason: Rejection) => report.rejected.push({ file: name, reason });
      if (key === null) reject('bad_name');
      else if (!known.has(key)) reject('unknown_key');
      else {
        const source = path.join(sourceDir, name);
        if (fs.statSync(source).size > MAX_FILE_BYTES) {
          reject('too_big');
          continue;
        }
        const info = parseWav(fs.readFileSync(source));
        if (info === null) {
          reject('not_wav');
          continue;
        }
        if (info.bitsPerSample !== 16) {
          reject('not_16bit_pcm');
          continue;
        }
        const file = `${String(report.imported.length + 1).padStart(4, '0')}.wav`;
        const target = path.join(staging, file);
        if (!(await trimSilence(source, target))) {
          reject('trim_failed');
          continue;
        }
        const bytes = fs.readFileSync(target);
        const durationMs = Math.round(parseWav(bytes)?.durationMs ?? 0);
        if (durationMs < MIN_CLIP_MS || durationMs > MAX_CLIP_MS) {
          fs.rmSync(target);
          reject(durationMs < MIN_CLIP_MS ? 'too_short' : 'too_long');
          continue;
        }
        const text = catalog.get(key);
        manifest.clips[key] = {
          file,
          sha256: sha256(bytes),
          durationMs,
          ...(text === undefined ? {} : { textSha256: sha256(text) }),
        };
        report.imported.push({ key, file, durationMs });
      }
    }
    fs.writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const check = loadAudioPack(staging);
    if (!check.ok) throw new Error(`the written pack does not load: ${check.error}`);
    fs.renameSync(staging, outDir);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const covered = new Set(report.imported.map((c) => c.key));
  report.missing = staticCatalogStrings([...catalog].map(([key, text]) => ({ key, text })))
    .map((s) => s.key)
    .filter((key) => !covered.has(key))
    .sort();
  return report;
}

const REASONS: Record<Rejection, string> = {
  unknown_key: 'no such catalog key',
  bad_name: 'name is not <namespace>:<key>.wav',
  not_wav: 'not a PCM WAV file',
  not_16bit_pcm: 'not 16-bit PCM',
  too_short: `shorter than ${MIN_CLIP_MS} ms after trimming silence`,
  too_long: `longer than ${MAX_CLIP_MS / 1000} s after trimming silence`,
  too_big: 'file larger than 20 MB',
  trim_failed: 'sox could not read it',
};

export function formatImportReport(report: ImportReport): string {
  return [
    `audio pack ${report.language} → ${report.outDir}`,
    `imported ${report.imported.length} clip(s)`,
    ...report.rejected.map((r) => `REJECTED ${r.file}: ${REASONS[r.reason]}`),
    `${report.missing.length} ${report.language} string(s) still lack audio${report.missing.length ? ':' : ''}`,
    ...report.missing.map((key) => `  missing ${key}`),
  ].join('\n');
}
