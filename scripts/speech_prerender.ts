import path from 'node:path';
import { parseArgs } from 'node:util';
import { isLanguage, type Language } from '../common/languages';
import { createSpeechService } from '../core/speech/speech_service';
import { createLogger } from '../node_shared/logger';

/**
 * `npm run speech:prerender [-- --out DIR --languages zh-CN,en]`: renders every static catalog string into
 * a cache folder at build time (default `assets/speech-cache`, which the core reads as a seed cache), then
 * checks coverage: every catalog key of every spoken language has audio (ACCESSIBILITY.md row 11).
 * Exits 1 when something is missing. The clips are only valid for the engine and voice that made them
 * (the key includes both), so build on the platform you ship.
 */
const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: path.join(root, 'assets', 'speech-cache') },
    languages: { type: 'string', default: 'zh-CN,en' },
  },
});
const languages = values.languages.split(',').filter(isLanguage) as Language[];
const logger = createLogger();
const service = createSpeechService({
  dataDir: root,
  cacheDir: path.resolve(values.out),
  localesDir: path.join(root, 'assets', 'locales'),
  packRoots: [path.join(root, 'assets', 'audio_packs')],
  logger,
  prerender: false,
});
const started = performance.now();
const progress = await service.prerender(languages);
const missing = await service.missingAudio(languages);
process.stdout.write(
  `${JSON.stringify({
    event: 'speech_prerender',
    out: path.resolve(values.out),
    languages,
    ...progress,
    missing: missing.length,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  })}\n`,
);
for (const entry of missing.slice(0, 20))
  process.stdout.write(`missing audio: ${entry.language} ${entry.key}\n`);
process.exit(missing.length === 0 && progress.failed === 0 ? 0 : 1);
