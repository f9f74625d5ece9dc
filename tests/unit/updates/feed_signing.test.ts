import { createHash, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFeedYml } from '../../../common/updates/feed';
import { checkArtifact } from '../../../core/updates/artifact_check';
import { verifySignedFeed } from '../../../core/updates/verify_feed';
import { publishRelease, versionFromFileName } from '../../../hub/releases/publish_release';
import { releaseKeyPath } from '../../../hub/releases/release_key_store';
import { publicKeyToBase64 } from '../../../node_shared/release_keys';

let dataDir: string;
let buildDir: string;

function build(name: string, content: string): string {
  const file = path.join(buildDir, name);
  fs.writeFileSync(file, content);
  return file;
}

function publish(files: string[], extra: { rolloutPercentage?: number; channel?: 'stable' | 'beta' } = {}) {
  return publishRelease({
    dataDir,
    channel: extra.channel ?? 'stable',
    files,
    rolloutPercentage: extra.rolloutPercentage ?? 100,
    now: new Date('2026-11-20T03:00:00Z'),
  });
}

const stable = (file: string) => path.join(dataDir, 'releases', 'stable', file);
const signed = (file: string, channel = 'stable') => ({
  channel,
  file,
  yml: fs.readFileSync(stable(file)),
  signature: fs.readFileSync(`${stable(file)}.sig`, 'utf8'),
});

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-release-'));
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'builds-'));
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(buildDir, { recursive: true, force: true });
});

describe('publishing a release to the hub feed', () => {
  it('writes the three electron-updater feeds whose sha512 and size match the files', () => {
    const files = [
      build('Baotou Kiosk Setup 1.3.0.exe'.replaceAll(' ', '-'), 'windows build 1.3.0'),
      build('Baotou-Kiosk-1.3.0.AppImage', 'linux x64 build, somewhat longer'),
      build('Baotou-Kiosk-1.3.0-arm64.AppImage', 'linux arm64 build'),
    ];
    const result = publish(files, { rolloutPercentage: 30 });
    expect(result.ok).toBe(true);
    const expected = {
      'latest.yml': 'Baotou-Kiosk-Setup-1.3.0.exe',
      'latest-linux.yml': 'Baotou-Kiosk-1.3.0.AppImage',
      'latest-linux-arm64.yml': 'Baotou-Kiosk-1.3.0-arm64.AppImage',
    };
    for (const [feedFile, artifact] of Object.entries(expected)) {
      const raw = yaml.load(fs.readFileSync(stable(feedFile), 'utf8')) as Record<string, unknown>;
      const bytes = fs.readFileSync(stable(artifact));
      const sha512 = createHash('sha512').update(bytes).digest('base64');
      expect(raw).toEqual({
        version: '1.3.0',
        files: [{ url: artifact, sha512, size: bytes.length }],
        path: artifact,
        sha512,
        releaseDate: '2026-11-20T03:00:00.000Z',
        rolloutPercentage: 30,
      });
      expect(fs.readFileSync(stable(artifact), 'utf8')).toBe(
        fs.readFileSync(files.find((f) => f.endsWith(artifact))!, 'utf8'),
      );
    }
  });

  it('signs each feed so the kiosk accepts it with the provisioned key only', () => {
    const summary = publish([build('Kiosk-1.3.0.AppImage', 'x64')]);
    if (!summary.ok) throw new Error(summary.error);
    const key = summary.value.publicKeyBase64;
    expect(verifySignedFeed(signed('latest-linux.yml'), key)).toMatchObject({
      ok: true,
      feed: { version: '1.3.0' },
    });
    const otherKey = publicKeyToBase64(generateKeyPairSync('ed25519').publicKey);
    expect(verifySignedFeed(signed('latest-linux.yml'), otherKey)).toEqual({
      ok: false,
      reason: 'wrong_key',
    });
    expect(fs.statSync(releaseKeyPath(dataDir)).mode & 0o077).toBe(0);
  });

  it('refuses a tampered feed, an unsigned feed and a feed replayed on another channel or platform', () => {
    const summary = publish([build('Kiosk-1.3.0.AppImage', 'x64')]);
    if (!summary.ok) throw new Error(summary.error);
    const key = summary.value.publicKeyBase64;
    const good = signed('latest-linux.yml');
    const tampered = Buffer.from(
      good.yml.toString('utf8').replace('rolloutPercentage: 100', 'rolloutPercentage: 99'),
    );
    expect(tampered.equals(good.yml)).toBe(false);
    expect(verifySignedFeed({ ...good, yml: tampered }, key)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySignedFeed({ ...good, signature: null }, key)).toEqual({ ok: false, reason: 'unsigned' });
    expect(verifySignedFeed({ ...good, signature: 'not a signature' }, key)).toEqual({
      ok: false,
      reason: 'unsigned',
    });
    expect(verifySignedFeed({ ...good, channel: 'beta' }, key)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifySignedFeed({ ...good, file: 'latest.yml' }, key)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('a tampered build on the hub fails the sha512 check against the signed feed', () => {
    publish([build('Kiosk-1.3.0.AppImage', 'the real build')]);
    const feed = parseFeedYml(fs.readFileSync(stable('latest-linux.yml'), 'utf8'));
    if (!feed.ok) throw new Error('feed');
    expect(checkArtifact(fs.readFileSync(stable('Kiosk-1.3.0.AppImage')), feed.feed)).toBeNull();
    expect(checkArtifact(Buffer.from('the evil build'), feed.feed)).toBe('sha512_mismatch');
    expect(checkArtifact(Buffer.from('the real build plus'), feed.feed)).toBe('size_mismatch');
  });

  it('refuses a lower version (rollback is a higher version) and a same version with other content', () => {
    expect(publish([build('Kiosk-1.3.0.AppImage', 'a')]).ok).toBe(true);
    expect(publish([build('Kiosk-1.2.9.AppImage', 'old')])).toMatchObject({
      ok: false,
      error: expect.stringContaining('higher version'),
    });
    expect(publish([build('Kiosk-1.3.0.AppImage', 'b')])).toMatchObject({
      ok: false,
      error: expect.stringContaining('other content'),
    });
    // The same build again widens the rollout; a higher version rolls back by shipping the old code anew.
    expect(publish([build('Kiosk-1.3.0.AppImage', 'a')], { rolloutPercentage: 50 }).ok).toBe(true);
    expect(publish([build('Kiosk-1.3.1.AppImage', 'a, rebuilt as 1.3.1')]).ok).toBe(true);
  });

  it('refuses .deb files, odd names and two builds for one feed', () => {
    expect(publish([build('kiosk_1.3.0_amd64.deb', 'deb')])).toMatchObject({
      ok: false,
      error: expect.stringContaining('.deb'),
    });
    expect(publish([build('Kiosk-$(id)-1.3.0.exe', 'x')])).toMatchObject({
      ok: false,
      error: expect.stringContaining('file name'),
    });
    expect(
      publish([build('Kiosk-1.3.0.AppImage', 'a'), build('Kiosk-1.3.0-x64.AppImage', 'b')]),
    ).toMatchObject({ ok: false, error: expect.stringContaining('two files') });
    expect(fs.existsSync(path.join(dataDir, 'releases'))).toBe(false);
  });

  it('reads the version from electron-builder file names', () => {
    expect(versionFromFileName('Baotou-Kiosk-1.4.0-arm64.AppImage')).toBe('1.4.0');
    expect(versionFromFileName('Baotou-Kiosk-Setup-1.5.0-beta.2.exe')).toBe('1.5.0-beta.2');
    expect(versionFromFileName('kiosk.exe')).toBeNull();
  });
});
