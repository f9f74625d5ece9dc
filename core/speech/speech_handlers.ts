import path from 'node:path';
import type { Language } from '../../common/languages';
import { assetsDir } from '../assets_dir';
import type { CoreDeps } from '../core_deps';
import type { Handlers } from '../rpc/dispatcher';
import type { AfterFirstScreen } from '../system/after_first_screen';
import { createSpeechService, type SpeechService } from './speech_service';

type SpeechMethod = 'speech.render' | 'speech.status';

// Languages an OS voice can speak; Mongolian is spoken from audio packs only.
const SYNTHESIZED: readonly Language[] = ['zh-CN', 'en'];

/**
 * The kiosk's speech service: packs from the hub (`<dataDir>/audio-packs`) before bundled ones, a cache
 * under `<dataDir>/speech-cache`, pre-rendering of the terminal's spoken languages once the first screen is
 * up (`KIOSK_SPEECH_PRERENDER=0` turns that off).
 */
export function startSpeech(deps: CoreDeps, afterFirstScreen: AfterFirstScreen): SpeechService {
  const assets = assetsDir();
  const languages = (deps.config?.languages ?? SYNTHESIZED).filter((l) => SYNTHESIZED.includes(l));
  return createSpeechService({
    dataDir: deps.dataDir,
    localesDir: path.join(assets, 'locales'),
    packRoots: [path.join(deps.dataDir, 'audio-packs'), path.join(assets, 'audio_packs')],
    seedCacheDirs: [path.join(assets, 'speech-cache')],
    logger: deps.logger,
    prerender:
      process.env.KIOSK_SPEECH_PRERENDER === '0'
        ? false
        : { languages, schedule: (run) => afterFirstScreen.add('speech.prerender', run) },
  });
}

export function speechHandlers(speech: SpeechService): Pick<Handlers, SpeechMethod> {
  return {
    'speech.render': async ({ text, language, kind, key }) => {
      const outcome = await speech.render({ text, language, kind, ...(key ? { key } : {}) });
      if (!outcome.ok) return outcome;
      const { wav, cached, source, durationMs } = outcome;
      return { ok: true as const, audio: wav.toString('base64'), cached, source, durationMs };
    },
    'speech.status': () => speech.status(),
  };
}
