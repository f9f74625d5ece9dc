import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';

/**
 * The speech pipeline in real Chromium behind the kiosk's CSP: WAV from the core over the dev host's
 * HTTP RPC, played through a blob: URL with the visitor's rate (pitch preserved).
 */
let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  host = await startDevHost({ env: { KIOSK_SPEECH_PRERENDER: '0' } });
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  page = await browser.newPage();
  await page.goto(host.url);
  await page.waitForSelector('h1');
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

interface Played {
  ok: boolean;
  reason?: string;
  durationMs?: number;
  mediaSeconds?: number;
  rate?: number;
  pitch?: boolean;
  ended?: boolean;
  error?: number | null;
}

function playInPage(args: Record<string, string>, rate: number): Promise<Played> {
  return page.evaluate(
    async ({ args, token, rate }) => {
      const response = await fetch('rpc', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'speech.render', args }),
      });
      const body = await response.json();
      if (!body.ok || !body.value.ok) return { ok: false, reason: body.value?.reason ?? body.error?.code };
      const bytes = Uint8Array.from(atob(body.value.audio), (c) => c.charCodeAt(0));
      const audio = new Audio(URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' })));
      audio.preservesPitch = true;
      audio.playbackRate = rate;
      const ended = await new Promise<boolean>((resolve) => {
        audio.addEventListener('ended', () => resolve(true));
        audio.addEventListener('error', () => resolve(false));
        audio.play().catch(() => resolve(false));
      });
      return {
        ok: true,
        durationMs: body.value.durationMs,
        mediaSeconds: audio.duration,
        rate: audio.playbackRate,
        pitch: audio.preservesPitch,
        ended,
        error: audio.error?.code ?? null,
      };
    },
    { args, token: host.token, rate },
  );
}

describe('speech playback in Chromium', () => {
  it('plays Chinese UI speech to the end at 2.0× with pitch preserved; the media length matches', async () => {
    const played = await playInPage(
      { text: '请选择服务', language: 'zh-CN', kind: 'ui', key: 'common:home.heading' },
      2,
    );
    expect(played).toMatchObject({ ok: true, ended: true, error: null, rate: 2, pitch: true });
    expect(Math.abs(played.mediaSeconds! * 1000 - played.durationMs!)).toBeLessThan(50);
  });

  it('plays live English text with hostile characters as speech', async () => {
    const played = await playInPage(
      { text: 'Hello "$(touch /tmp/x)" `id`; rm -rf /', language: 'en', kind: 'dynamic' },
      0.5,
    );
    expect(played).toMatchObject({ ok: true, ended: true, error: null, rate: 0.5, pitch: true });
  });

  it('answers Mongolian dynamic text with no_audio (the app then speaks the Chinese notice)', async () => {
    expect(await playInPage({ text: 'ᠮᠣᠩᠭᠣᠯ', language: 'mn-Mong-CN', kind: 'dynamic' }, 1)).toEqual({
      ok: false,
      reason: 'no_audio',
    });
  });
});
