import path from 'node:path';
import type { Language } from '../../common/languages';
import type { SpeechFailure, SpeechRenderReason } from '../../common/speech/speech_failures';
import { MAX_SPEECH_TEXT_CHARS, normalizeSpeechText } from '../../common/speech/text_limits';
import type { Logger } from '../../node_shared/logger';
import { type AudioPack, loadAudioPacks } from './audio_pack';
import { backendForPlatform, createSpeechEngine } from './create_engine';
import { SpeechCache } from './speech_cache';
import { speechCatalogs } from './speech_catalog';
import type { SpeechEngine } from './speech_engine';
import { SpeechHealth } from './speech_health';
import { createPrerenderer, type PrerenderProgress } from './speech_prerender';
import { type Priority, SpeechQueue } from './speech_queue';
import { parseWav } from './wav';

export interface RenderRequest {
  text: string;
  language: Language;
  kind: 'ui' | 'dynamic';
  key?: string;
}

export type RenderOutcome =
  | { ok: true; wav: Buffer; cached: boolean; source: 'pack' | 'cache' | 'engine'; durationMs: number }
  | { ok: false; reason: SpeechRenderReason };

export type { PrerenderProgress } from './speech_prerender';

export interface SpeechStatus {
  state: 'ok' | 'degraded';
  reason: SpeechFailure | null;
  engine: { name: string; version: string | null };
  voices: Record<Language, string | null>;
  cacheClips: number;
  prerender: PrerenderProgress;
  packs: { language: Language; version: string; clips: number }[];
  invalidPacks: number;
  queue: { running: number; waiting: number };
  failures: Partial<Record<SpeechFailure, number>>;
}

export interface SpeechServiceOptions {
  dataDir: string;
  /** `assets/locales`: the catalogs whose strings are pre-rendered. */
  localesDir: string;
  /** Folders holding audio pack sub-folders, first wins per language. */
  packRoots?: readonly string[];
  /** Where clips are written; default `<dataDir>/speech-cache`. */
  cacheDir?: string;
  /** Read-only caches filled at build time (`npm run speech:prerender`). */
  seedCacheDirs?: readonly string[];
  engine?: SpeechEngine;
  logger: Logger;
  concurrency?: number;
  maxWaiting?: number;
  /**
   * Background pre-rendering at start-up, handed to `schedule` (the kiosk core runs it once the first screen
   * is up, so it never competes with it); false in tests that start it themselves.
   */
  prerender?: { languages: readonly Language[]; schedule: (run: () => Promise<unknown>) => void } | false;
}

export interface SpeechService {
  render(request: RenderRequest, priority?: Priority): Promise<RenderOutcome>;
  status(): Promise<SpeechStatus>;
  /** Fills the cache with every static catalog string of the languages that have a voice. */
  prerender(languages: readonly Language[]): Promise<PrerenderProgress>;
  /** Catalog keys of each language with neither a cached clip nor a pack clip (ACCESSIBILITY.md row 11). */
  missingAudio(languages: readonly Language[]): Promise<{ language: Language; key: string }[]>;
  readonly cache: SpeechCache;
  close(): void;
}

const LANGUAGE_LIST: readonly Language[] = ['zh-CN', 'mn-Mong-CN', 'en'];

export function createSpeechService(options: SpeechServiceOptions): SpeechService {
  const { logger } = options;
  const engine = options.engine ?? createSpeechEngine(backendForPlatform());
  const cache = new SpeechCache(
    options.cacheDir ?? path.join(options.dataDir, 'speech-cache'),
    options.seedCacheDirs,
  );
  const queue = new SpeechQueue(options.concurrency ?? 2, options.maxWaiting ?? 16);
  const { packs, invalid } = loadAudioPacks(options.packRoots ?? [path.join(options.dataDir, 'audio-packs')]);
  if (invalid.length > 0) logger.warn('speech.pack_invalid', { count: invalid.length });
  const packFor = (language: Language): AudioPack | undefined => packs.find((p) => p.language === language);

  const catalogOf = speechCatalogs(options.localesDir);
  const health = new SpeechHealth(logger);
  let closed = false;

  const cacheKey = async (language: Language, voice: string, text: string) => {
    const version = await engine.version();
    if (!version.ok) return version;
    return {
      ok: true as const,
      key: SpeechCache.keyOf({ language, voice, engine: engine.engine, engineVersion: version.value, text }),
    };
  };

  async function render(request: RenderRequest, priority: Priority = 'live'): Promise<RenderOutcome> {
    const text = normalizeSpeechText(request.text);
    if (text === '') return { ok: false, reason: 'empty' };
    if (text.length > MAX_SPEECH_TEXT_CHARS) return { ok: false, reason: 'text_too_long' };
    const { language } = request;
    if (request.kind === 'ui' && request.key) {
      const clip = await packFor(language)?.clip(request.key, request.text);
      if (clip?.ok) return done(clip.value, true, 'pack');
      if (clip && clip.error === 'corrupt') logger.warn('speech.pack_clip_corrupt', { language });
    }
    const voice = engine.voiceFor(language);
    if (!voice) return { ok: false, reason: 'no_audio' };
    const synthesize = async () => {
      const queued = await queue.run(() => engine.render(text, voice, priority === 'background'), priority);
      return queued.ok ? queued.value : queued;
    };
    // Only catalog strings go to disk: dynamic text may be personal data and is never cached.
    if (request.kind === 'ui' && catalogOf(language).texts.has(text)) {
      const key = await cacheKey(language, voice, text);
      if (!key.ok) return fail(key.error, language, text);
      const result = await cache.getOrCreate(key.key, synthesize);
      return result.ok
        ? done(result.value.wav, result.value.cached, result.value.cached ? 'cache' : 'engine')
        : fail(result.error, language, text);
    }
    const version = await engine.version();
    if (!version.ok) return fail(version.error, language, text);
    const result = await synthesize();
    return result.ok ? done(result.value, false, 'engine') : fail(result.error, language, text);
  }

  function done(wav: Buffer, cached: boolean, source: 'pack' | 'cache' | 'engine'): RenderOutcome {
    if (source === 'engine') health.rendered();
    return { ok: true, wav, cached, source, durationMs: Math.round(parseWav(wav)?.durationMs ?? 0) };
  }

  function fail(reason: SpeechFailure, language: Language, text: string): RenderOutcome {
    health.failed(reason, language, text.length);
    return { ok: false, reason };
  }

  /** Drops clips of texts that left the catalogs (reworded strings), so the cache does not grow forever. */
  async function pruneCache() {
    const keep = new Set<string>();
    for (const language of LANGUAGE_LIST) {
      const voice = engine.voiceFor(language);
      if (!voice) continue;
      for (const text of catalogOf(language).texts) {
        const id = await cacheKey(language, voice, text);
        if (id.ok) keep.add(id.key);
      }
    }
    const removed = cache.prune(keep);
    if (removed > 0) logger.info('speech.cache_pruned', { removed });
  }

  const prerenderer = createPrerenderer({
    catalogOf,
    hasVoice: (language) => engine.voiceFor(language) !== null,
    renderUi: (job) => render({ ...job, kind: 'ui' }, 'background'),
    prune: pruneCache,
    closed: () => closed,
    logger,
  });
  const { prerender } = prerenderer;

  async function missingAudio(languages: readonly Language[]) {
    const missing: { language: Language; key: string }[] = [];
    for (const language of languages) {
      const voice = engine.voiceFor(language);
      for (const [key, text] of catalogOf(language).byKey) {
        if (packFor(language)?.hasClip(key, text)) continue;
        if (voice) {
          const cacheId = await cacheKey(language, voice, normalizeSpeechText(text));
          if (cacheId.ok && cache.has(cacheId.key)) continue;
        }
        missing.push({ language, key });
      }
    }
    return missing;
  }

  async function status(): Promise<SpeechStatus> {
    const version = await engine.version();
    const reason = version.ok ? health.lastFault : version.error;
    return {
      state: reason ? 'degraded' : 'ok',
      reason,
      engine: { name: engine.engine, version: version.ok ? version.value : null },
      voices: Object.fromEntries(LANGUAGE_LIST.map((l) => [l, engine.voiceFor(l)])) as Record<
        Language,
        string | null
      >,
      cacheClips: cache.count(),
      prerender: prerenderer.progress(),
      packs: packs.map((p) => ({ language: p.language, version: p.version, clips: p.clipCount })),
      invalidPacks: invalid.length,
      queue: queue.stats,
      failures: health.failures(),
    };
  }

  if (options.prerender) {
    const { languages } = options.prerender;
    options.prerender.schedule(() => prerender(languages));
  }

  return {
    render,
    status,
    prerender,
    missingAudio,
    cache,
    close() {
      closed = true;
    },
  };
}
