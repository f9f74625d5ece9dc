import type { Language } from '../../common/languages';
import type { Logger } from '../../node_shared/logger';
import type { LanguageCatalog } from './speech_catalog';

export interface PrerenderProgress {
  state: 'idle' | 'running' | 'done' | 'stopped';
  done: number;
  failed: number;
  total: number;
}

export interface PrerenderParts {
  catalogOf: (language: Language) => LanguageCatalog;
  hasVoice: (language: Language) => boolean;
  renderUi: (job: {
    language: Language;
    key: string;
    text: string;
  }) => Promise<{ ok: boolean; reason?: string }>;
  /** After a complete run: drop cached clips of texts that left the catalogs. */
  prune: () => Promise<void>;
  closed: () => boolean;
  logger: Logger;
}

/** Fills the cache with every static catalog string of the languages that have a voice, in the background. */
export function createPrerenderer(parts: PrerenderParts) {
  let progress: PrerenderProgress = { state: 'idle', done: 0, failed: 0, total: 0 };
  async function prerender(languages: readonly Language[]): Promise<PrerenderProgress> {
    const jobs = languages
      .filter(parts.hasVoice)
      .flatMap((language) =>
        [...parts.catalogOf(language).byKey].map(([key, text]) => ({ language, key, text })),
      );
    progress = { state: 'running', done: 0, failed: 0, total: jobs.length };
    for (const job of jobs) {
      if (parts.closed()) {
        progress = { ...progress, state: 'stopped' };
        return progress;
      }
      const result = await parts.renderUi(job);
      progress = result.ok
        ? { ...progress, done: progress.done + 1 }
        : { ...progress, failed: progress.failed + 1 };
      if (!result.ok && result.reason === 'engine_missing') break;
    }
    progress = { ...progress, state: 'done' };
    if (progress.failed === 0) await parts.prune();
    parts.logger.info('speech.prerender_done', { done: progress.done, failed: progress.failed });
    return progress;
  }
  return { prerender, progress: () => progress };
}
