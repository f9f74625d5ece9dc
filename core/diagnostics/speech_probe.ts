import type { SpeechService } from '../speech/speech_service';
import type { SpeechProbe } from './device_ports';

/** The technician's view of the speech service: engine state and which languages can be spoken. */
export function speechProbeOf(speech: Pick<SpeechService, 'status'>): SpeechProbe {
  return {
    status: async () => {
      const status = await speech.status();
      const packLanguages = new Set(
        status.packs.filter((pack) => pack.clips > 0).map((pack) => pack.language),
      );
      return {
        status: status.state,
        reason: status.reason,
        engine: status.engine.version ? `${status.engine.name} ${status.engine.version}` : status.engine.name,
        languages: (Object.keys(status.voices) as (keyof typeof status.voices)[]).map((language) => ({
          language,
          available: status.voices[language] !== null || packLanguages.has(language),
        })),
      };
    },
  };
}
