import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSpeechEngine } from '../../../core/speech/create_engine';
import { espeakBackend } from '../../../core/speech/espeak_backend';
import { createSpeechService } from '../../../core/speech/speech_service';
import { createMemoryLogger } from '../../../node_shared/logger';
import { fakeBackend, writeFakeEngine } from '../../fixtures/speech/fake_engines';
import { toneWav } from '../../fixtures/speech/test_audio_pack';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-fail-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const VERSION = 'if [ "$1" = "--version" ]; then echo "fake 1.0"; exit 0; fi';

function serviceWith(binary: string, timeoutMs = 300) {
  const logger = createMemoryLogger();
  const service = createSpeechService({
    dataDir: path.join(dir, 'data'),
    localesDir: path.join(dir, 'no-locales'),
    engine: createSpeechEngine(fakeBackend(binary), { timeoutMs, maxOutputBytes: 1024 * 1024 }),
    logger,
    prerender: false,
  });
  return { service, logger };
}

const say = { text: '您好 13800138000', language: 'zh-CN', kind: 'dynamic' } as const;

describe('a broken speech engine never takes the core down', () => {
  it('missing binary → engine_missing, status degraded', async () => {
    const engine = createSpeechEngine(espeakBackend(path.join(dir, 'no-such-espeak')));
    expect(await engine.version()).toEqual({ ok: false, error: 'engine_missing' });
    const { service } = serviceWith(path.join(dir, 'no-such-engine'));
    expect(await service.render(say)).toEqual({ ok: false, reason: 'engine_missing' });
    expect(await service.status()).toMatchObject({
      state: 'degraded',
      reason: 'engine_missing',
      engine: { version: null },
    });
  });

  it('a crashing engine (exit 1) → engine_failed; the log names no text', async () => {
    const binary = writeFakeEngine(dir, 'crash', `${VERSION}\ncat >/dev/null\necho boom >&2\nexit 1`);
    const { service, logger } = serviceWith(binary);
    expect(await service.render(say)).toEqual({ ok: false, reason: 'engine_failed' });
    const status = await service.status();
    expect(status).toMatchObject({
      state: 'degraded',
      reason: 'engine_failed',
      failures: { engine_failed: 1 },
    });
    expect(logger.lines.join('\n')).not.toContain('您好');
    expect(logger.lines.join('\n')).not.toContain('13800138000');
  });

  it('an engine killed by a signal → engine_failed', async () => {
    const binary = writeFakeEngine(dir, 'segv', `${VERSION}\nkill -SEGV $$`);
    const { service } = serviceWith(binary);
    expect(await service.render(say)).toEqual({ ok: false, reason: 'engine_failed' });
  });

  it('a hung engine is killed after the timeout → timeout', async () => {
    const pidFile = path.join(dir, 'pid');
    const binary = writeFakeEngine(dir, 'hang', `${VERSION}\necho $$ > '${pidFile}'\nexec sleep 30`);
    const { service } = serviceWith(binary, 300);
    const started = performance.now();
    expect(await service.render(say)).toEqual({ ok: false, reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(3000);
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 100));
    expect(() => process.kill(pid, 0)).toThrow();
    expect(await service.status()).toMatchObject({ state: 'degraded', reason: 'timeout' });
  });

  it('output that is not a WAV, or endless output, → engine_failed', async () => {
    const garbage = writeFakeEngine(dir, 'garbage', `${VERSION}\necho "not audio"`);
    expect(await serviceWith(garbage).service.render(say)).toEqual({ ok: false, reason: 'engine_failed' });
    const endless = writeFakeEngine(dir, 'endless', `${VERSION}\nexec yes`);
    expect(await serviceWith(endless, 5000).service.render(say)).toEqual({
      ok: false,
      reason: 'engine_failed',
    });
  });

  it('recovers: the status returns to ok after the engine works again', async () => {
    const wavFile = path.join(dir, 'tone.wav');
    fs.writeFileSync(wavFile, toneWav(440));
    const brokenFlag = path.join(dir, 'broken');
    fs.writeFileSync(brokenFlag, '');
    const binary = writeFakeEngine(
      dir,
      'flaky',
      `${VERSION}\ncat >/dev/null\nif [ -e '${brokenFlag}' ]; then exit 1; fi\ncat '${wavFile}'`,
    );
    const { service } = serviceWith(binary);
    expect((await service.render(say)).ok).toBe(false);
    expect((await service.status()).state).toBe('degraded');
    fs.rmSync(brokenFlag);
    expect(await service.render(say)).toMatchObject({
      ok: true,
      source: 'engine',
      cached: false,
      durationMs: 200,
    });
    expect(await service.status()).toMatchObject({ state: 'ok', reason: null });
  });

  it('refuses work beyond the queue cap as busy instead of piling up', async () => {
    const binary = writeFakeEngine(dir, 'slow', `${VERSION}\ncat >/dev/null\nsleep 0.3\nexit 1`);
    const service = createSpeechService({
      dataDir: path.join(dir, 'data'),
      localesDir: path.join(dir, 'no-locales'),
      engine: createSpeechEngine(fakeBackend(binary)),
      logger: createMemoryLogger(),
      concurrency: 1,
      maxWaiting: 2,
      prerender: false,
    });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => service.render({ ...say, text: `第${i}句` })),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'busy').length).toBeGreaterThanOrEqual(3);
  });
});
