import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { speechRenderResultSchema, speechStatusSchema } from '../../../common/contract/speech_methods';
import { createKioskCore, type KioskCore } from '../../../core/kiosk_core';
import { createSpeechService } from '../../../core/speech/speech_service';
import { parseWav } from '../../../core/speech/wav';
import { createMemoryLogger } from '../../../node_shared/logger';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function startCore(env: Record<string, string | undefined> = {}): { core: KioskCore; dataDir: string } {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-rpc-'));
  const core = createKioskCore({
    dataDir,
    configPath: path.join(ROOT, 'assets/config.sample.json'),
    appVersion: 'test',
    logger: createMemoryLogger(),
  });
  cleanups.push(() => {
    core.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { core, dataDir };
}

describe('speech over the RPC', () => {
  it('renders a catalog string to base64 WAV, from the cache the second time', async () => {
    const { core } = startCore({ KIOSK_SPEECH_PRERENDER: '0' });
    const args = { text: '请选择服务', language: 'zh-CN', kind: 'ui', key: 'common:home.heading' };
    const first = await core.dispatch('speech.render', args);
    const second = await core.dispatch('speech.render', args);
    expect(first).toMatchObject({ ok: true, value: { ok: true, cached: false, source: 'engine' } });
    expect(second).toMatchObject({ ok: true, value: { ok: true, cached: true, source: 'cache' } });
    const value = speechRenderResultSchema.parse((second as { value: unknown }).value);
    if (!value.ok) throw new Error(value.reason);
    expect(parseWav(Buffer.from(value.audio, 'base64'))?.durationMs).toBeGreaterThan(500);
  });

  it.each([
    ['a text over 2,000 characters', { text: '长'.repeat(2001), language: 'zh-CN', kind: 'dynamic' }],
    ['a 1 MB text', { text: 'x'.repeat(1024 * 1024), language: 'en', kind: 'dynamic' }],
    ['an empty text', { text: '', language: 'zh-CN', kind: 'dynamic' }],
    ['a number as text', { text: 42, language: 'zh-CN', kind: 'dynamic' }],
    ['an unknown language', { text: 'hi', language: 'fr', kind: 'dynamic' }],
    ['an unknown kind', { text: 'hi', language: 'en', kind: 'shell' }],
    ['a malformed key', { text: 'hi', language: 'en', kind: 'ui', key: '../../etc/passwd' }],
    ['an extra field', { text: 'hi', language: 'en', kind: 'dynamic', voice: '-w /tmp/x' }],
    ['a __proto__ key', JSON.parse('{"text":"hi","language":"en","kind":"dynamic","__proto__":{"x":1}}')],
  ])('refuses %s with invalid_args', async (_, args) => {
    const { core, dataDir } = startCore({ KIOSK_SPEECH_PRERENDER: '0' });
    expect(await core.dispatch('speech.render', args)).toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    });
    expect(fs.readdirSync(path.join(dataDir, 'speech-cache'))).toEqual([]);
  });

  it('gives typed results for Mongolian without audio and for text that is only control characters', async () => {
    const { core } = startCore({ KIOSK_SPEECH_PRERENDER: '0' });
    expect(
      await core.dispatch('speech.render', { text: 'ᠮᠣᠩᠭᠣᠯ', language: 'mn-Mong-CN', kind: 'dynamic' }),
    ).toEqual({ ok: true, value: { ok: false, reason: 'no_audio' } });
    expect(
      await core.dispatch('speech.render', { text: '\u0000\u0007\n', language: 'en', kind: 'dynamic' }),
    ).toEqual({ ok: true, value: { ok: false, reason: 'empty' } });
  });

  it('reports engine_missing (degraded) when the engine is not installed, and the core keeps serving', async () => {
    const { core } = startCore({ KIOSK_SPEECH_PRERENDER: '0', PATH: '/nonexistent-bin' });
    expect(await core.dispatch('speech.render', { text: 'hello', language: 'en', kind: 'dynamic' })).toEqual({
      ok: true,
      value: { ok: false, reason: 'engine_missing' },
    });
    const status = await core.dispatch('speech.status', {});
    expect(status).toMatchObject({ ok: true, value: { state: 'degraded', reason: 'engine_missing' } });
    expect(await core.dispatch('system.health', {})).toMatchObject({ ok: true });
  });

  it('pre-renders every catalog string at start-up in the background; nothing is then missing', async () => {
    // A copy of two real namespaces keeps this test's run time independent of how big the catalogs grow;
    // `npm run speech:prerender` runs the same coverage check over all of them.
    const assets = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-assets-'));
    cleanups.push(() => fs.rmSync(assets, { recursive: true, force: true }));
    for (const language of ['zh-CN', 'en', 'mn-Mong-CN']) {
      fs.mkdirSync(path.join(assets, 'locales', language), { recursive: true });
      for (const ns of ['common.json', 'speech.json']) {
        fs.copyFileSync(
          path.join(ROOT, 'assets/locales', language, ns),
          path.join(assets, 'locales', language, ns),
        );
      }
    }
    const { core, dataDir } = startCore({ KIOSK_SPEECH_PRERENDER: '1', KIOSK_ASSETS_DIR: assets });
    // A live request during start-up is answered promptly: pre-rendering yields to it.
    const live = await core.dispatch('speech.render', {
      text: '我想咨询',
      language: 'zh-CN',
      kind: 'dynamic',
    });
    expect(live).toMatchObject({ ok: true, value: { ok: true } });
    const status = async () =>
      speechStatusSchema.parse(((await core.dispatch('speech.status', {})) as { value: unknown }).value);
    let current = await status();
    for (let i = 0; i < 600 && current.prerender.state !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      current = await status();
    }
    expect(current.prerender).toMatchObject({ state: 'done', failed: 0 });
    expect(current.prerender.done).toBe(current.prerender.total);
    expect(current.prerender.total).toBeGreaterThan(30);
    // Coverage check (ACCESSIBILITY.md row 11): every static string of zh-CN and en has audio.
    const audit = createSpeechService({
      dataDir,
      localesDir: path.join(assets, 'locales'),
      logger: createMemoryLogger(),
      prerender: false,
    });
    expect(await audit.missingAudio(['zh-CN', 'en'])).toEqual([]);
    expect(await audit.missingAudio(['mn-Mong-CN'])).toEqual(
      expect.arrayContaining([{ language: 'mn-Mong-CN', key: 'common:language_name' }]),
    );
  }, 180_000);
});
