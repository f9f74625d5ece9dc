import path from 'node:path';
import { parseArgs } from 'node:util';
import { isLanguage } from '../common/languages';
import { formatImportReport, importAudioPack } from './audio_pack_builder';

/**
 * `npm run audio-pack -- --lang mn-Mong-CN DIR [--out PACKDIR] [--version V]`: imports recordings named by
 * catalog key into an audio pack (default `assets/audio_packs/<lang>-<version>`), checks format and length,
 * trims silence with sox and lists the strings still without audio. Exits 1 when a file was rejected.
 */
const root = path.resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    lang: { type: 'string' },
    out: { type: 'string' },
    version: { type: 'string', default: new Date().toISOString().slice(0, 10) },
  },
});
const language = values.lang;
const sourceDir = positionals[0];
if (!isLanguage(language) || sourceDir === undefined || !/^[A-Za-z0-9._-]{1,64}$/.test(values.version)) {
  console.error('usage: npm run audio-pack -- --lang mn-Mong-CN DIR [--out PACKDIR] [--version YYYY-MM-DD]');
  process.exit(2);
}
const report = await importAudioPack({
  language,
  sourceDir: path.resolve(sourceDir),
  outDir: path.resolve(
    values.out ?? path.join(root, 'assets', 'audio_packs', `${language}-${values.version}`),
  ),
  localesDir: path.join(root, 'assets', 'locales'),
  version: values.version,
});
console.log(formatImportReport(report));
process.exitCode = report.rejected.length > 0 ? 1 : 0;
