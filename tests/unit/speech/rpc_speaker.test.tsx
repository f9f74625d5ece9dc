import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import zhSpeech from '../../../assets/locales/zh-CN/speech.json';
import type { SpeechRenderResult } from '../../../common/contract/speech_methods';
import { RATE_STEPS, VOLUME_STEPS } from '../../../common/speech/speech_tables';
import { MAX_SPEECH_TEXT_CHARS, SPEECH_CHUNK_CHARS } from '../../../common/speech/text_limits';
import { createRpcSpeaker, type RenderSpeech } from '../../../renderer/speech/rpc_speaker';
import type { Utterance } from '../../../renderer/speech/speaker';

/** Enough of an <audio> element: records what it was asked to play and with which settings. */
class FakeAudio extends EventTarget {
  src = '';
  playbackRate = 1;
  preservesPitch = false;
  volume = 1;
  paused = true;
  readonly plays: { src: string; rate: number; pitch: boolean; volume: number }[] = [];
  play(): Promise<void> {
    this.paused = false;
    this.plays.push({
      src: this.src,
      rate: this.playbackRate,
      pitch: this.preservesPitch,
      volume: this.volume,
    });
    return Promise.resolve();
  }
  pause(): void {
    this.paused = true;
  }
  removeAttribute(name: string): void {
    if (name === 'src') this.src = '';
  }
  finish(): void {
    this.paused = true;
    this.dispatchEvent(new Event('ended'));
  }
}

const blobs = new Map<string, Blob>();
let urlCount = 0;
beforeEach(() => {
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${urlCount++}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    blobs.delete(url);
  };
});
afterEach(() => blobs.clear());

/** The fake core answers with the utterance text as the "WAV" so tests can tell clips apart. */
function fakeRender(overrides: Partial<Record<string, SpeechRenderResult>> = {}) {
  const calls: Utterance[] = [];
  const render: RenderSpeech = async (utterance) => {
    calls.push(utterance);
    return (
      overrides[utterance.text] ?? {
        ok: true,
        audio: Buffer.from(utterance.text, 'utf8').toString('base64'),
        cached: true,
        source: 'cache',
        durationMs: 100,
      }
    );
  };
  return { render, calls };
}

const ui = (text: string, key?: string): Utterance => ({ text, language: 'zh-CN', kind: 'ui', key });

async function playingText(audio: FakeAudio): Promise<string> {
  const blob = blobs.get(audio.src);
  if (!blob) throw new Error('nothing is playing');
  // jsdom's Blob has no arrayBuffer(); FileReader it is.
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });
}

function setup(overrides?: Parameters<typeof fakeRender>[0]) {
  const audios: FakeAudio[] = [];
  const { render, calls } = fakeRender(overrides);
  const speaker = createRpcSpeaker({
    audioFactory: () => {
      const audio = new FakeAudio();
      audios.push(audio);
      return audio as unknown as HTMLAudioElement;
    },
    render,
    now: () => 1000,
  });
  return { speaker, audios, calls, main: () => audios[0]! };
}

describe('createRpcSpeaker', () => {
  it('plays utterances in order through one audio element at 1.0×, pitch preserved, default volume', async () => {
    const { speaker, main } = setup();
    speaker.speak([ui('第一句'), ui('第二句')]);
    await vi.waitFor(() => expect(main().plays).toHaveLength(1));
    expect(await playingText(main())).toBe('第一句');
    expect(main().plays[0]).toMatchObject({ rate: 1, pitch: true, volume: VOLUME_STEPS[5] });
    expect(speaker.speaking).toBe(true);
    main().finish();
    await vi.waitFor(() => expect(main().plays).toHaveLength(2));
    expect(await playingText(main())).toBe('第二句');
    main().finish();
    await vi.waitFor(() => expect(speaker.speaking).toBe(false));
    expect(speaker.log.map((e) => [e.text, e.outcome, e.at])).toEqual([
      ['第一句', 'played', 1000],
      ['第二句', 'played', 1000],
    ]);
  });

  it('changes rate (0.5×–2.0×) and volume on the clip that is playing, clamped at the ends', async () => {
    const { speaker, main } = setup();
    speaker.speak([ui('测试')]);
    await vi.waitFor(() => expect(main().plays).toHaveLength(1));
    speaker.setRateStep(6);
    expect(main().playbackRate).toBe(2);
    expect(main().preservesPitch).toBe(true);
    speaker.setRateStep(-1);
    expect(main().playbackRate).toBe(RATE_STEPS[0]);
    speaker.setVolumeStep(100);
    expect(main().volume).toBe(1);
    expect([speaker.rateStep, speaker.volumeStep]).toEqual([0, VOLUME_STEPS.length - 1]);
  });

  it('interrupts: a new speak stops the current clip and the rest of its list never plays', async () => {
    const { speaker, main } = setup();
    speaker.speak([ui('旧的一'), ui('旧的二')]);
    await vi.waitFor(() => expect(main().plays).toHaveLength(1));
    speaker.speak([ui('新的')]);
    await vi.waitFor(() => expect(main().plays).toHaveLength(2));
    expect(await playingText(main())).toBe('新的');
    main().finish();
    await vi.waitFor(() => expect(speaker.speaking).toBe(false));
    expect(main().plays).toHaveLength(2);
    expect(speaker.log.map((e) => e.text)).toEqual(['旧的一', '新的']);
  });

  it('interrupts while the audio is still being fetched', async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const audios: FakeAudio[] = [];
    const speaker = createRpcSpeaker({
      audioFactory: () => {
        const audio = new FakeAudio();
        audios.push(audio);
        return audio as unknown as HTMLAudioElement;
      },
      render: async (u) => {
        if (u.text === '慢') await slow;
        return {
          ok: true,
          audio: btoa(u.text === '慢' ? 'slow' : 'fast'),
          cached: false,
          source: 'engine',
          durationMs: 1,
        };
      },
    });
    speaker.speak([ui('慢')]);
    speaker.stop();
    speaker.speak([ui('快')]);
    release();
    await vi.waitFor(() => expect(audios[0]?.plays).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 10));
    expect(audios[0]!.plays).toHaveLength(1);
    expect(speaker.log.map((e) => e.text)).toEqual(['快']);
  });

  it('coalesces: at most two requests on the wire, and of the speaks made meanwhile only the newest asks', async () => {
    const asked: string[] = [];
    const pending: (() => void)[] = [];
    const audios: FakeAudio[] = [];
    const speaker = createRpcSpeaker({
      audioFactory: () => {
        const audio = new FakeAudio();
        audios.push(audio);
        return audio as unknown as HTMLAudioElement;
      },
      render: async (u) => {
        asked.push(u.text);
        await new Promise<void>((resolve) => pending.push(resolve));
        return { ok: true, audio: btoa(u.text), cached: false, source: 'engine', durationMs: 1 };
      },
    });
    // A visitor typing fast: one speak per key press while the first ones are still being synthesized.
    for (const digit of '1985067') speaker.speak([ui(digit)]);
    await vi.waitFor(() => expect(asked).toEqual(['1', '9']));
    pending.shift()!();
    await vi.waitFor(() => expect(asked).toEqual(['1', '9', '7']));
    for (const release of pending.splice(0)) release();
    await vi.waitFor(() => expect(audios[0]?.plays).toHaveLength(1));
    expect(await playingText(audios[0]!)).toBe('7');
    expect(asked).toHaveLength(3);
    expect(speaker.log.map((e) => e.text)).toEqual(['7']);
  });

  it('stop() silences immediately', async () => {
    const { speaker, main } = setup();
    speaker.speak([ui('一'), ui('二')]);
    await vi.waitFor(() => expect(main().plays).toHaveLength(1));
    speaker.stop();
    expect(main().paused).toBe(true);
    expect(main().src).toBe('');
    expect(speaker.speaking).toBe(false);
    await new Promise((r) => setTimeout(r, 10));
    expect(main().plays).toHaveLength(1);
  });

  it('repeat replays the last utterances from the start', async () => {
    const { speaker, main } = setup();
    speaker.speak([ui('请选择服务'), ui('申请法律援助')]);
    await vi.waitFor(() => expect(main().plays).toHaveLength(1));
    main().finish();
    await vi.waitFor(() => expect(main().plays).toHaveLength(2));
    speaker.repeat();
    await vi.waitFor(() => expect(main().plays).toHaveLength(3));
    expect(await playingText(main())).toBe('请选择服务');
  });

  it('skips earcons while speech plays and plays them when quiet', async () => {
    const { speaker, main, audios } = setup();
    speaker.speak([ui('说话中')]);
    await vi.waitFor(() => expect(main().plays).toHaveLength(1));
    expect(speaker.playEarcon('sounds/tick.wav')).toBe(false);
    expect(audios).toHaveLength(1);
    main().finish();
    await vi.waitFor(() => expect(speaker.speaking).toBe(false));
    expect(speaker.playEarcon('sounds/tick.wav')).toBe(true);
    expect(audios[1]!.plays).toEqual([expect.objectContaining({ src: 'sounds/tick.wav' })]);
  });

  it('Mongolian without a clip: says once, in Chinese, that audio is missing, then the Chinese text', async () => {
    const mongolian: Utterance = {
      text: 'ᠰᠠᠢᠨ',
      language: 'mn-Mong-CN',
      kind: 'ui',
      key: 'common:home.heading',
      fallback: '请选择服务',
    };
    const { speaker, main, calls } = setup({ ᠰᠠᠢᠨ: { ok: false, reason: 'no_audio' } });
    speaker.speak([mongolian]);
    await vi.waitFor(() => expect(main().plays).toHaveLength(1));
    expect(await playingText(main())).toBe(zhSpeech.mongolian_audio_missing);
    main().finish();
    await vi.waitFor(() => expect(main().plays).toHaveLength(2));
    expect(await playingText(main())).toBe('请选择服务');
    expect(calls.slice(1).map((u) => u.language)).toEqual(['zh-CN', 'zh-CN']);
    main().finish();
    await vi.waitFor(() => expect(speaker.speaking).toBe(false));
    speaker.speak([mongolian]);
    await vi.waitFor(() => expect(main().plays).toHaveLength(3));
    expect(await playingText(main())).toBe('请选择服务');
    expect(speaker.log.map((e) => e.outcome)).toEqual(['no_audio', 'played', 'played', 'no_audio', 'played']);
  });

  it('logs a failed render and goes on with the next utterance', async () => {
    const { speaker, main } = setup({ 坏: { ok: false, reason: 'timeout' } });
    speaker.speak([ui('坏'), ui('好')]);
    await vi.waitFor(() => expect(main().plays).toHaveLength(1));
    expect(await playingText(main())).toBe('好');
    expect(speaker.log.map((e) => [e.text, e.outcome])).toEqual([
      ['坏', 'failed'],
      ['好', 'played'],
    ]);
  });

  it('sends long dynamic text in sentence chunks, cut at the documented limit', async () => {
    const { speaker, calls } = setup();
    speaker.speak([{ text: '这是访客输入的一句话。'.repeat(100_000), language: 'zh-CN', kind: 'dynamic' }]);
    await vi.waitFor(() => expect(calls.length).toBeGreaterThan(0));
    expect(calls[0]!.text.length).toBeLessThanOrEqual(SPEECH_CHUNK_CHARS);
    expect(calls[0]!.text.endsWith('。')).toBe(true);
    speaker.stop();
  });

  it('the documented limit bounds the total text of one utterance', async () => {
    const { speaker, calls, main } = setup();
    speaker.speak([{ text: 'Word and more. '.repeat(10_000), language: 'en', kind: 'dynamic' }]);
    for (let played = 0; played < 40; played++) {
      await vi.waitFor(() => expect(main().plays.length > played || !speaker.speaking).toBe(true));
      if (!speaker.speaking) break;
      main().finish();
    }
    await vi.waitFor(() => expect(speaker.speaking).toBe(false));
    const total = calls.reduce((sum, u) => sum + u.text.length, 0);
    expect(total).toBeLessThanOrEqual(MAX_SPEECH_TEXT_CHARS);
    expect(total).toBeGreaterThan(MAX_SPEECH_TEXT_CHARS - 30);
  });

  it('resets rate, volume, log and the Mongolian notice at session end', async () => {
    const { speaker, main } = setup();
    speaker.setRateStep(0);
    speaker.setVolumeStep(0);
    speaker.speak([ui('一')]);
    await vi.waitFor(() => expect(main().plays).toHaveLength(1));
    speaker.resetSession();
    expect(speaker.log).toEqual([]);
    expect(main().playbackRate).toBe(RATE_STEPS[0]);
    expect([speaker.rateStep, speaker.volumeStep]).toEqual([3, 5]);
    speaker.repeat();
    await new Promise((r) => setTimeout(r, 10));
    expect(main().plays).toHaveLength(1);
    speaker.speak([ui('二')]);
    await vi.waitFor(() => expect(main().plays).toHaveLength(2));
    expect(main().plays[1]).toMatchObject({ rate: 1, volume: VOLUME_STEPS[5] });
  });

  it("keeps typed text out of the engine's log: dynamic text only as its length", async () => {
    const { speaker, main } = setup();
    speaker.speak([{ text: '13800138000', language: 'zh-CN', kind: 'dynamic' }, ui('好')]);
    await vi.waitFor(() => expect(main().plays).toHaveLength(1));
    main().finish();
    await vi.waitFor(() => expect(main().plays).toHaveLength(2));
    main().finish();
    await vi.waitFor(() => expect(speaker.speaking).toBe(false));
    expect(speaker.log.map((e) => [e.text, e.outcome])).toEqual([
      ['[dynamic:11]', 'played'],
      ['好', 'played'],
    ]);
  });
});
