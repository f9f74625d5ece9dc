import { createRpcSpeaker } from '../../../renderer/speech/rpc_speaker';
import type { Utterance } from '../../../renderer/speech/speaker';

/**
 * A speaker whose engine has no Mongolian audio (every terminal without a recorded pack): Mongolian
 * utterances come back `no_audio`, others render; each request is recorded in `rendered`.
 */
export function speakerWithoutMongolian(rendered: Utterance[]) {
  return createRpcSpeaker({
    render: async (utterance) => {
      rendered.push(utterance);
      return utterance.language === 'mn-Mong-CN'
        ? { ok: false, reason: 'no_audio' }
        : { ok: true, audio: '', cached: true, source: 'cache', durationMs: 1 };
    },
    audioFactory: () =>
      ({
        play: () => Promise.reject(new Error('no audio in jsdom')),
        pause: () => {},
        removeAttribute: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
      }) as unknown as HTMLAudioElement,
  });
}
