import { sign } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type FeedPayload,
  feedSignedMessage,
  parseSignedFeed,
  SIGNED_FEED_FORMAT,
} from '../../../common/updates/signed_feed';
import { feedPolicyRefusal, type PolicyContext } from '../../../core/updates/feed_policy';
import { verifyFeedSignature } from '../../../node_shared/feed_signature';
import { createReleaseKey, loadReleaseKey, type ReleaseKey } from '../../../scripts/release/release_key';
import { planBuilds, versionFromFileName } from '../../../scripts/release/release_plan';
import { signFeed } from '../../../scripts/release/sign_feed';

let dir: string;
let key: ReleaseKey;
let otherKey: ReleaseKey;

const NOW = new Date('2026-11-20T03:00:00Z');
const payload = (change: Partial<FeedPayload> = {}): FeedPayload => ({
  channel: 'stable',
  platform: 'linux',
  sequence: 1_700_000_000,
  issuedAt: '2026-11-20T02:00:00.000Z',
  expiresAt: '2026-12-20T02:00:00.000Z',
  version: '1.4.0',
  file: 'Baotou-Kiosk-1.4.0.AppImage',
  size: 300_000,
  sha512: `${'A'.repeat(86)}==`,
  rolloutPercentage: 100,
  ...change,
});
const context = (change: Partial<PolicyContext> = {}): PolicyContext => ({
  channel: 'stable',
  platform: 'linux',
  now: NOW,
  appVersion: '1.3.2',
  seen: null,
  digest: 'd1',
  ...change,
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-key-'));
  const made = createReleaseKey(dir);
  const other = createReleaseKey(path.join(dir, 'other'));
  if (!made.ok || !other.ok) throw new Error('keys');
  key = made.value;
  otherKey = other.value;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the release key on the release machine', () => {
  it('is created owner-only, never overwritten, and loads back with the same public key', () => {
    expect(fs.statSync(path.join(dir, 'release-key.pem')).mode & 0o777).toBe(0o600);
    expect(createReleaseKey(dir)).toMatchObject({ ok: false, error: expect.stringContaining('exists') });
    expect(loadReleaseKey(path.join(dir, 'release-key.pem'))).toMatchObject({
      ok: true,
      value: { publicKeyBase64: key.publicKeyBase64, keyId: key.keyId },
    });
  });
});

describe('a signed feed', () => {
  it('verifies with a trusted key and yields the payload exactly as signed', () => {
    const text = signFeed(key, payload());
    expect(parseSignedFeed(text)?.format).toBe(SIGNED_FEED_FORMAT);
    const verified = verifyFeedSignature(text, [otherKey.publicKeyBase64, key.publicKeyBase64]);
    expect(verified).toMatchObject({ ok: true, value: { feed: payload() } });
  });

  it('refuses a feed whose payload was changed after signing (version, file or sha512)', () => {
    const envelope = JSON.parse(signFeed(key, payload()));
    for (const change of [{ version: '9.9.9' }, { file: 'payload-x64.AppImage' }, { size: 1 }]) {
      const forged = {
        ...envelope,
        payload: Buffer.from(JSON.stringify(payload(change))).toString('base64'),
      };
      expect(verifyFeedSignature(JSON.stringify(forged), [key.publicKeyBase64])).toEqual({
        ok: false,
        error: 'bad_signature',
      });
    }
  });

  it('refuses a feed signed by a key the build does not carry, an unsigned feed and an electron-updater yml', () => {
    expect(verifyFeedSignature(signFeed(otherKey, payload()), [key.publicKeyBase64])).toEqual({
      ok: false,
      error: 'wrong_key',
    });
    const yml = 'version: 1.4.0\nfiles:\n  - url: http://elsewhere/payload-x64.AppImage\n';
    for (const text of [yml, '{}', JSON.stringify({ format: SIGNED_FEED_FORMAT, payload: 'e30=' }), '']) {
      expect(verifyFeedSignature(text, [key.publicKeyBase64])).toEqual({ ok: false, error: 'unsigned' });
    }
  });

  it('interprets nothing of a correctly signed payload that is not a feed', () => {
    const envelope = JSON.parse(signFeed(key, payload()));
    const bytes = Buffer.from('{"version":"1.4.0","files":[]}');
    const signature = sign(null, feedSignedMessage(bytes), key.privateKey).toString('base64');
    const text = JSON.stringify({ ...envelope, payload: bytes.toString('base64'), signature });
    expect(verifyFeedSignature(text, [key.publicKeyBase64])).toEqual({ ok: false, error: 'bad_feed' });
  });
});

describe('the terminal’s feed policy (after the signature)', () => {
  it('accepts a current feed for its channel and platform', () => {
    expect(feedPolicyRefusal(payload(), context())).toBeNull();
    // the same feed fetched again is fine
    expect(
      feedPolicyRefusal(payload(), context({ seen: { sequence: 1_700_000_000, digest: 'd1' } })),
    ).toBeNull();
  });

  it('refuses a feed for another channel or platform (a beta feed replayed as stable)', () => {
    expect(feedPolicyRefusal(payload({ channel: 'beta' }), context())).toBe('wrong_channel');
    expect(feedPolicyRefusal(payload({ platform: 'win' }), context())).toBe('wrong_channel');
  });

  it('refuses an expired feed and one issued in the future (beyond ten minutes of clock skew)', () => {
    expect(feedPolicyRefusal(payload(), context({ now: new Date('2026-12-20T02:00:00Z') }))).toBe('expired');
    expect(feedPolicyRefusal(payload({ issuedAt: '2026-11-20T03:11:00.000Z' }), context())).toBe(
      'not_yet_valid',
    );
    expect(feedPolicyRefusal(payload({ issuedAt: '2026-11-20T03:09:00.000Z' }), context())).toBeNull();
  });

  it('refuses an old feed served again: a lower sequence, or the same sequence with other content', () => {
    const seen = { sequence: 1_700_000_500, digest: 'd2' };
    expect(feedPolicyRefusal(payload(), context({ seen }))).toBe('replayed');
    expect(feedPolicyRefusal(payload({ sequence: 1_700_000_500 }), context({ seen }))).toBe('replayed');
    expect(feedPolicyRefusal(payload({ sequence: 1_700_000_501 }), context({ seen }))).toBeNull();
  });

  it('refuses a downgrade below the running version', () => {
    expect(feedPolicyRefusal(payload({ version: '1.3.1' }), context())).toBe('downgrade');
    expect(feedPolicyRefusal(payload({ version: '1.3.2-beta.1' }), context())).toBe('downgrade');
    expect(feedPolicyRefusal(payload({ version: '1.3.2' }), context())).toBeNull();
  });
});

describe('planning a release on the release machine', () => {
  const build = (name: string, content: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };

  it('names each build with its platform, version, size and sha512', () => {
    const planned = planBuilds([build('Kiosk-1.3.0.AppImage', 'a'), build('Kiosk-Setup-1.3.0.exe', 'bb')]);
    expect(planned).toMatchObject({
      ok: true,
      value: [
        { name: 'Kiosk-1.3.0.AppImage', platform: 'linux', version: '1.3.0', size: 1 },
        { name: 'Kiosk-Setup-1.3.0.exe', platform: 'win', version: '1.3.0', size: 2 },
      ],
    });
  });

  it('refuses .deb files, odd names and two builds for one feed', () => {
    expect(planBuilds([build('kiosk_1.3.0_amd64.deb', 'deb')])).toMatchObject({
      ok: false,
      error: expect.stringContaining('.deb'),
    });
    expect(planBuilds([build('Kiosk-$(id)-1.3.0.exe', 'x')])).toMatchObject({
      ok: false,
      error: expect.stringContaining('file name'),
    });
    expect(
      planBuilds([build('Kiosk-1.3.0.AppImage', 'a'), build('Kiosk-1.3.0-x64.AppImage', 'b')]),
    ).toMatchObject({ ok: false, error: expect.stringContaining('two files') });
  });

  it('reads the version from electron-builder file names', () => {
    expect(versionFromFileName('Baotou-Kiosk-1.4.0-arm64.AppImage')).toBe('1.4.0');
    expect(versionFromFileName('Baotou-Kiosk-Setup-1.5.0-beta.2.exe')).toBe('1.5.0-beta.2');
    expect(versionFromFileName('kiosk.exe')).toBeNull();
  });
});
