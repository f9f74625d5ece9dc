import zhSpeech from '../../assets/locales/zh-CN/speech.json';
import type { SpeechRenderResult } from '../../common/contract/speech_methods';
import {
  clampStep,
  DEFAULT_RATE_STEP,
  DEFAULT_VOLUME_STEP,
  RATE_STEPS,
  VOLUME_STEPS,
} from '../../common/speech/speech_tables';
import { chunkSpeechText, cutAtSentence, MAX_SPEECH_TEXT_CHARS } from '../../common/speech/text_limits';
import { renderSpeech } from '../data/speech_data';
import type { Speaker, Utterance } from './speaker';
import { SpeechLog, type SpeechLogEntry } from './speech_log';

export type RenderSpeech = (utterance: Utterance) => Promise<SpeechRenderResult>;

export interface RpcSpeakerOptions {
  /** Makes the `<audio>` element (tests pass a fake). */
  audioFactory?: () => HTMLAudioElement;
  /** Asks the core for audio; defaults to the `speech.render` RPC. */
  render?: RenderSpeech;
  now?: () => number;
}

export interface RpcSpeaker extends Speaker {
  /** Index into RATE_STEPS (0.5×–2.0×, 7 steps); clamped. Applies to what is playing too. */
  setRateStep(step: number): void;
  /** Index into VOLUME_STEPS (9 steps of gain); clamped. Applies to what is playing too. */
  setVolumeStep(step: number): void;
  readonly rateStep: number;
  readonly volumeStep: number;
  /** True while an utterance is being fetched or played. */
  readonly speaking: boolean;
  /** What was played or skipped this session, with the outcome (a copy). */
  readonly log: SpeechLogEntry[];
  /** Plays a short sound unless speech is playing (then it is skipped and false is returned). */
  playEarcon(src: string): boolean;
  /** Session end: rate and volume back to defaults, log, repeat buffer and Mongolian notice cleared. */
  resetSession(): void;
}

const renderByRpc: RenderSpeech = ({ text, language, kind, key }) =>
  renderSpeech({ text, language, kind, ...(key ? { key } : {}) });

const MAX_RENDERS_IN_FLIGHT = 2;

const NOTICE: Utterance = {
  text: zhSpeech.mongolian_audio_missing,
  language: 'zh-CN',
  kind: 'ui',
  key: 'speech:mongolian_audio_missing',
};

function wavBlob(base64: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'audio/wav' });
}

/**
 * Long text: cut at the documented limit (last sentence end before MAX_SPEECH_TEXT_CHARS), then sent in
 * sentence chunks so the first one plays while the next is synthesized. Catalog strings stay whole so
 * they hit the pre-rendered cache.
 */
function pieces(utterance: Utterance): Utterance[] {
  if (utterance.kind === 'ui' && utterance.text.length <= MAX_SPEECH_TEXT_CHARS) return [utterance];
  return chunkSpeechText(cutAtSentence(utterance.text)).map((text) => ({
    ...utterance,
    text,
    key: undefined,
  }));
}

/**
 * The renderer's speech output: asks the core for WAV (pack clip, cache or live synthesis) and plays it
 * through one `<audio>` element with the visitor's rate (pitch preserved) and volume. Any `speak` or
 * `stop` interrupts what is playing; `repeat` replays the last `speak`.
 */
export function createRpcSpeaker(options: RpcSpeakerOptions = {}): RpcSpeaker {
  const audioFactory = options.audioFactory ?? (() => new Audio());
  const render = options.render ?? renderByRpc;
  const log = new SpeechLog(options.now);
  let audio: HTMLAudioElement | null = null;
  let rateStep = DEFAULT_RATE_STEP;
  let volumeStep = DEFAULT_VOLUME_STEP;
  let last: readonly Utterance[] = [];
  let generation = 0;
  let speaking = false;
  let noticeGiven = false;
  let currentUrl: string | null = null;
  let finishCurrent: (() => void) | null = null;
  const inFlight = new Set<Promise<unknown>>();

  const player = () => {
    audio ??= audioFactory();
    return audio;
  };

  const applySettings = (element: HTMLAudioElement) => {
    element.preservesPitch = true;
    element.playbackRate = RATE_STEPS[rateStep]!;
    element.volume = VOLUME_STEPS[volumeStep]!;
  };

  const releaseUrl = () => {
    if (currentUrl) URL.revokeObjectURL(currentUrl);
    currentUrl = null;
  };

  /** Plays one WAV to its end (or until interrupted). */
  const play = (base64: string): Promise<void> =>
    new Promise((resolve) => {
      const element = player();
      releaseUrl();
      currentUrl = URL.createObjectURL(wavBlob(base64));
      const done = () => {
        element.removeEventListener('ended', done);
        element.removeEventListener('error', done);
        finishCurrent = null;
        resolve();
      };
      finishCurrent = done;
      element.addEventListener('ended', done);
      element.addEventListener('error', done);
      element.src = currentUrl;
      applySettings(element);
      element.play().catch(done);
    });

  /**
   * At most MAX_RENDERS_IN_FLIGHT render requests on the wire (one superseded, one current): a newer `speak`
   * waits for a free place, and of all the speaks made meanwhile only the newest asks. Superseded requests
   * used to pile up (one per key press) in the core's speech queue, so the next question was said seconds
   * late and the answer's save waited behind them.
   */
  async function renderWhenFree(utterance: Utterance, mine: number): Promise<SpeechRenderResult | null> {
    while (inFlight.size >= MAX_RENDERS_IN_FLIGHT) {
      await Promise.race(inFlight);
      if (mine !== generation) return null;
    }
    if (mine !== generation) return null;
    const request = render(utterance).catch(() => null);
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
    return request;
  }

  async function run(utterances: readonly Utterance[], mine: number): Promise<void> {
    const queue = utterances.flatMap(pieces);
    // Ask for the next piece while the current one plays.
    let next = queue.length > 0 ? renderWhenFree(queue[0]!, mine) : null;
    for (let i = 0; i < queue.length; i++) {
      const utterance = queue[i]!;
      const result = await next;
      next = i + 1 < queue.length ? renderWhenFree(queue[i + 1]!, mine) : null;
      if (mine !== generation) return;
      if (result?.ok) {
        log.add(utterance, 'played');
        await play(result.audio);
      } else if (result?.reason === 'no_audio') {
        log.add(utterance, 'no_audio');
        const extra: Utterance[] = noticeGiven ? [] : [NOTICE];
        noticeGiven = true;
        // The Chinese text of the same meaning (see chinese_fallback.ts for where it comes from).
        if (utterance.fallback)
          extra.push({
            text: utterance.fallback,
            language: 'zh-CN',
            kind: utterance.kind,
            key: utterance.key,
          });
        if (extra.length > 0) await run(extra, mine);
      } else {
        log.add(utterance, 'failed');
      }
      if (mine !== generation) return;
    }
  }

  function stop(): void {
    generation++;
    speaking = false;
    if (audio) {
      audio.pause();
      audio.removeAttribute('src');
    }
    releaseUrl();
    finishCurrent?.();
  }

  function speak(utterances: readonly Utterance[]): void {
    stop();
    last = [...utterances];
    const mine = generation;
    speaking = utterances.length > 0;
    void run(utterances, mine).finally(() => {
      if (mine === generation) {
        speaking = false;
        releaseUrl();
      }
    });
  }

  return {
    speak,
    stop,
    repeat: () => speak(last),
    setRateStep(step) {
      rateStep = clampStep(step, RATE_STEPS);
      if (audio) applySettings(audio);
    },
    setVolumeStep(step) {
      volumeStep = clampStep(step, VOLUME_STEPS);
      if (audio) applySettings(audio);
    },
    get rateStep() {
      return rateStep;
    },
    get volumeStep() {
      return volumeStep;
    },
    get speaking() {
      return speaking;
    },
    get log() {
      return log.entries();
    },
    playEarcon(src) {
      if (speaking) return false;
      const earcon = audioFactory();
      earcon.volume = VOLUME_STEPS[volumeStep]!;
      earcon.src = src;
      earcon.play().catch(() => {});
      return true;
    },
    resetSession() {
      stop();
      rateStep = DEFAULT_RATE_STEP;
      volumeStep = DEFAULT_VOLUME_STEP;
      last = [];
      noticeGiven = false;
      log.clear();
    },
  };
}
