import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAudioPack, loadAudioPacks, sha256 } from '../../../core/speech/audio_pack';
import { parseWav } from '../../../core/speech/wav';
import { writeTestAudioPack } from '../../fixtures/speech/test_audio_pack';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-pack-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const manifestOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const writeManifest = (dir: string, manifest: unknown) =>
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));

describe('audio packs', () => {
  it('loads a pack and returns verified clips by catalog key', async () => {
    const dir = writeTestAudioPack(path.join(root, 'mn'), 'mn-Mong-CN', [{ key: 'common:home.heading' }]);
    const pack = loadAudioPack(dir);
    expect(pack.ok).toBe(true);
    if (!pack.ok) return;
    expect(pack.value).toMatchObject({
      language: 'mn-Mong-CN',
      version: 'test-fixture-tones-1',
      clipCount: 1,
    });
    const clip = await pack.value.clip('common:home.heading');
    expect(clip.ok && parseWav(clip.value)?.durationMs).toBeCloseTo(200, 0);
    expect(await pack.value.clip('common:app.title')).toEqual({ ok: false, error: 'no_clip' });
  });

  it('refuses a clip whose bytes do not match the manifest hash', async () => {
    const dir = writeTestAudioPack(path.join(root, 'mn'), 'mn-Mong-CN', [{ key: 'common:a' }]);
    fs.appendFileSync(path.join(dir, 'clip_0.wav'), Buffer.from([1, 2, 3]));
    const pack = loadAudioPack(dir);
    expect(pack.ok && (await pack.value.clip('common:a'))).toEqual({ ok: false, error: 'corrupt' });
  });

  it('does not read a clip recorded for an older wording of the string', async () => {
    const dir = writeTestAudioPack(path.join(root, 'mn'), 'mn-Mong-CN', [
      { key: 'common:a', text: '旧文字' },
    ]);
    const pack = loadAudioPack(dir);
    if (!pack.ok) throw new Error('pack did not load');
    expect(pack.value.hasClip('common:a', '旧文字')).toBe(true);
    expect(pack.value.hasClip('common:a', '新文字')).toBe(false);
    expect(await pack.value.clip('common:a', '新文字')).toEqual({ ok: false, error: 'stale' });
  });

  it.each([
    ['a file outside the pack', { file: '../../etc/passwd.wav' }],
    ['an absolute path', { file: '/etc/x.wav' }],
    ['a non-WAV file', { file: 'clip_0.mp3' }],
    ['a bad hash', { sha256: 'abc' }],
  ])('rejects a manifest with %s', (_, change) => {
    const dir = writeTestAudioPack(path.join(root, 'mn'), 'mn-Mong-CN', [{ key: 'common:a' }]);
    const manifest = manifestOf(dir);
    Object.assign(manifest.clips['common:a'], change);
    writeManifest(dir, manifest);
    expect(loadAudioPack(dir)).toEqual({ ok: false, error: 'invalid' });
  });

  it('rejects prototype keys, unknown languages and broken JSON', () => {
    const dir = writeTestAudioPack(path.join(root, 'mn'), 'mn-Mong-CN', [{ key: 'common:a' }]);
    const clip = manifestOf(dir).clips['common:a'];
    fs.writeFileSync(
      path.join(dir, 'manifest.json'),
      `{"language":"mn-Mong-CN","version":"1","clips":{"__proto__":${JSON.stringify(clip)}}}`,
    );
    expect(loadAudioPack(dir)).toEqual({ ok: false, error: 'invalid' });
    writeManifest(dir, { language: 'mn', version: '1', clips: {} });
    expect(loadAudioPack(dir)).toEqual({ ok: false, error: 'invalid' });
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{"language":');
    expect(loadAudioPack(dir)).toEqual({ ok: false, error: 'invalid' });
    expect(loadAudioPack(path.join(root, 'nowhere'))).toEqual({ ok: false, error: 'missing' });
  });

  it('finds packs in several folders, the first folder winning, and counts invalid ones', () => {
    writeTestAudioPack(path.join(root, 'hub', 'mn'), 'mn-Mong-CN', [
      { key: 'common:a' },
      { key: 'common:b' },
    ]);
    writeTestAudioPack(path.join(root, 'bundled', 'mn'), 'mn-Mong-CN', [{ key: 'common:a' }]);
    fs.mkdirSync(path.join(root, 'bundled', 'broken'));
    fs.writeFileSync(path.join(root, 'bundled', 'broken', 'manifest.json'), 'nope');
    const { packs, invalid } = loadAudioPacks([path.join(root, 'hub'), path.join(root, 'bundled')]);
    expect(packs.map((p) => p.clipCount)).toEqual([2, 1]);
    expect(invalid).toEqual(['broken']);
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
