import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '../../../common/languages';
import { createSpeechEngine } from '../../../core/speech/create_engine';
import { espeakBackend } from '../../../core/speech/espeak_backend';
import { SpeechCache } from '../../../core/speech/speech_cache';
import type { SpeechEngine } from '../../../core/speech/speech_engine';
import { createSpeechService } from '../../../core/speech/speech_service';
import { createMemoryLogger } from '../../../node_shared/logger';
import { writeTestAudioPack } from '../../fixtures/speech/test_audio_pack';

let root: string;
let dataDir: string;
let localesDir: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-cache-'));
  dataDir = path.join(root, 'data');
  localesDir = path.join(root, 'locales');
  writeCatalog('zh-CN', { home: { heading: '请选择服务', hint: '免费律师帮助' } });
  writeCatalog('en', { home: { heading: 'Please choose a service', hint: 'Free help from a lawyer' } });
  writeCatalog('mn-Mong-CN', { home: { heading: 'ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ' } });
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function writeCatalog(language: string, catalog: unknown) {
  fs.mkdirSync(path.join(localesDir, language), { recursive: true });
  fs.writeFileSync(path.join(localesDir, language, 'test.json'), JSON.stringify(catalog));
}

/** Real espeak-ng, counting how often it actually runs; `voices` can swap a language's voice. */
function countingEngine(voices: Partial<Record<Language, string>> = {}) {
  const real = createSpeechEngine(espeakBackend());
  const engine: SpeechEngine & { runs: number } = {
    runs: 0,
    engine: real.engine,
    voiceFor: (language) => voices[language] ?? real.voiceFor(language),
    version: () => real.version(),
    render(text, voice) {
      engine.runs++;
      return real.render(text, voice);
    },
  };
  return engine;
}

function service(engine: SpeechEngine, packRoots: string[] = []) {
  return createSpeechService({
    dataDir,
    localesDir,
    engine,
    packRoots,
    logger: createMemoryLogger(),
    prerender: false,
  });
}

const heading = { text: '请选择服务', language: 'zh-CN', kind: 'ui', key: 'test:home.heading' } as const;

describe('speech cache', () => {
  it('misses, then hits, with the clip on disk under sha256(language|voice|engine version|text)', async () => {
    const engine = countingEngine();
    const speech = service(engine);
    expect(await speech.render(heading)).toMatchObject({ ok: true, cached: false, source: 'engine' });
    expect(await speech.render(heading)).toMatchObject({ ok: true, cached: true, source: 'cache' });
    expect(engine.runs).toBe(1);
    const version = await engine.version();
    const key = SpeechCache.keyOf({
      language: 'zh-CN',
      voice: 'cmn-latn-pinyin',
      engine: 'espeak-ng',
      engineVersion: version.ok ? version.value : '',
      text: '请选择服务',
    });
    const files = fs.readdirSync(path.join(dataDir, 'speech-cache'));
    expect(files).toEqual([`${key}.wav`]);
  });

  it('survives a restart: a new service on the same folder synthesizes nothing', async () => {
    await service(countingEngine()).render(heading);
    const engine = countingEngine();
    expect(await service(engine).render(heading)).toMatchObject({ ok: true, cached: true });
    expect(engine.runs).toBe(0);
  });

  it('is invalidated when the catalog text changes', async () => {
    await service(countingEngine()).render(heading);
    writeCatalog('zh-CN', { home: { heading: '请选择您要的服务' } });
    const engine = countingEngine();
    const changed = { ...heading, text: '请选择您要的服务' };
    expect(await service(engine).render(changed)).toMatchObject({ ok: true, cached: false });
    expect(engine.runs).toBe(1);
  });

  it('is invalidated when the voice changes', async () => {
    await service(countingEngine()).render(heading);
    const engine = countingEngine({ 'zh-CN': 'zh' });
    expect(await service(engine).render(heading)).toMatchObject({ ok: true, cached: false });
    expect(engine.runs).toBe(1);
  });

  it('synthesizes once for 20 concurrent requests of the same string', async () => {
    const engine = countingEngine();
    const speech = service(engine);
    const results = await Promise.all(Array.from({ length: 20 }, () => speech.render(heading)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(engine.runs).toBe(1);
    expect(fs.readdirSync(path.join(dataDir, 'speech-cache'))).toHaveLength(1);
  });

  it('never writes dynamic text (possibly personal data) or non-catalog text to disk', async () => {
    const engine = countingEngine();
    const speech = service(engine);
    expect(
      await speech.render({ text: '我的电话是13800138000', language: 'zh-CN', kind: 'dynamic' }),
    ).toMatchObject({ ok: true, cached: false, source: 'engine' });
    expect(await speech.render({ text: '张三的身份证', language: 'zh-CN', kind: 'ui' })).toMatchObject({
      ok: true,
      cached: false,
    });
    expect(fs.readdirSync(path.join(dataDir, 'speech-cache'))).toEqual([]);
    expect(engine.runs).toBe(2);
  });

  it('prefers an audio pack clip over synthesis, by catalog key', async () => {
    writeTestAudioPack(path.join(root, 'packs', 'zh'), 'zh-CN', [{ key: 'test:home.heading' }]);
    const engine = countingEngine();
    const speech = service(engine, [path.join(root, 'packs')]);
    expect(await speech.render(heading)).toMatchObject({ ok: true, source: 'pack', durationMs: 200 });
    expect(await speech.render({ ...heading, key: 'test:home.hint', text: '免费律师帮助' })).toMatchObject({
      ok: true,
      source: 'engine',
    });
    expect(engine.runs).toBe(1);
  });

  it('Mongolian: a clip when the pack has one, otherwise no_audio (never a wrong-language voice)', async () => {
    writeTestAudioPack(path.join(root, 'packs', 'mn'), 'mn-Mong-CN', [{ key: 'test:home.heading' }]);
    const engine = countingEngine();
    const speech = service(engine, [path.join(root, 'packs')]);
    const mn = { text: 'ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ', language: 'mn-Mong-CN', kind: 'ui', key: 'test:home.heading' } as const;
    expect(await speech.render(mn)).toMatchObject({ ok: true, source: 'pack' });
    expect(await speech.render({ ...mn, key: 'test:home.other' })).toEqual({ ok: false, reason: 'no_audio' });
    expect(await speech.render({ text: 'ᠮᠣᠩᠭᠣᠯ', language: 'mn-Mong-CN', kind: 'dynamic' })).toEqual({
      ok: false,
      reason: 'no_audio',
    });
    expect(engine.runs).toBe(0);
    expect((await speech.status()).packs).toEqual([
      { language: 'mn-Mong-CN', version: 'test-fixture-tones-1', clips: 1 },
    ]);
  });

  it('reports the keys with no audio, and none once pre-rendered (ACCESSIBILITY.md row 11)', async () => {
    writeTestAudioPack(path.join(root, 'packs', 'mn'), 'mn-Mong-CN', []);
    const speech = service(countingEngine(), [path.join(root, 'packs')]);
    const languages = ['zh-CN', 'en', 'mn-Mong-CN'] as const;
    expect(await speech.missingAudio(languages)).toHaveLength(5);
    expect(await speech.prerender(['zh-CN', 'en'])).toEqual({ state: 'done', done: 4, failed: 0, total: 4 });
    expect(await speech.missingAudio(languages)).toEqual([
      { language: 'mn-Mong-CN', key: 'test:home.heading' },
    ]);
  });

  it('prunes clips of strings that left the catalogs after a full pre-render', async () => {
    await service(countingEngine()).prerender(['zh-CN', 'en']);
    expect(fs.readdirSync(path.join(dataDir, 'speech-cache'))).toHaveLength(4);
    writeCatalog('en', { home: { heading: 'Please choose a service' } });
    await service(countingEngine()).prerender(['zh-CN', 'en']);
    expect(fs.readdirSync(path.join(dataDir, 'speech-cache'))).toHaveLength(3);
  });
});

describe('the speech cache on disk', () => {
  it('stays under its size cap, dropping the oldest clips first', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-cap-'));
    const cache = new SpeechCache(dir, [], 100 * 1024);
    const clip = Buffer.alloc(10 * 1024, 1);
    for (let i = 0; i < 30; i++) {
      await cache.put(`clip-${String(i).padStart(2, '0')}`, clip);
      // Distinct write times, so "oldest" is well defined.
      const at = new Date(Date.now() - (30 - i) * 1000);
      fs.utimesSync(path.join(dir, `clip-${String(i).padStart(2, '0')}.wav`), at, at);
    }
    const total = fs.readdirSync(dir).reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
    expect(total).toBeLessThanOrEqual(100 * 1024);
    expect(cache.has('clip-29')).toBe(true);
    expect(cache.has('clip-00')).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
