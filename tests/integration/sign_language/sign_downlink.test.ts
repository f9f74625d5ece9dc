import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import directory from '../../../assets/directory/baotou_sample.json';
import { createKioskCore, type KioskCore } from '../../../core/kiosk_core';
import { prepareItem } from '../../../hub/publish';
import { createMemoryLogger } from '../../../node_shared/logger';
import { writeTar } from '../../../node_shared/sign_pack/tar_archive';
import { buildTestPack } from '../../fixtures/sign_language/test_clips';
import { openKioskDataDb } from '../../support/kiosk_database';
import { writeTestProfile } from '../../support/test_pki';
import { enrollTerminal, startTestHub, type TestHub, tempDir } from '../sync/support/hub_harness';
import { FAST_SYNC } from '../sync/support/kiosk_core_harness';
import { waitForAsync, writeKioskConfig } from '../sync/support/kiosk_harness';

const HOME = 'catalog:common:home.heading';
const GREETING = 'catalog:common:home.greeting';
const MALE = 'template:legal_aid_application@1.1.0:sex.option.male';
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

type Built = Awaited<ReturnType<typeof buildTestPack>>;
let v1: Built;
let v2: Built;
const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

beforeAll(async () => {
  const dir = tempDir('sign-downlink');
  v1 = await buildTestPack(
    path.join(dir, 'v1'),
    {
      id: 'csl-basic',
      version: '1',
      signLanguage: 'csl',
      clips: [
        { file: 'home.webm', keys: [HOME] },
        { file: 'male.webm', keys: [MALE], review: 'reviewed' },
      ],
    },
    { 'home.webm': { seconds: 1, caption: '请选择服务' }, 'male.webm': { seconds: 1, caption: '男' } },
  );
  v2 = await buildTestPack(
    path.join(dir, 'v2'),
    { id: 'csl-basic', version: '2', signLanguage: 'csl', clips: [{ file: 'home.webm', keys: [HOME] }] },
    { 'home.webm': { seconds: 2, caption: '请选择服务（新）' } },
  );
});

async function publish(hub: TestHub, body: Buffer): Promise<void> {
  const item = prepareItem({ kind: 'sign_pack', body });
  if (!item.ok) throw new Error(item.error);
  await hub.store.publish({ ...item.value, publishedAt: new Date().toISOString() });
}

/** Straight into the hub's store, past its checks: a broken hub, or something posing as one. */
async function publishUnchecked(hub: TestHub, body: Buffer, id: string, version: string): Promise<void> {
  await hub.store.publish({
    kind: 'sign_pack',
    id,
    version,
    sha256: sha256(body),
    body,
    publishedAt: new Date().toISOString(),
  });
}

async function hubWith(...packs: Buffer[]): Promise<{ hub: TestHub; token: string }> {
  const hub = await startTestHub();
  cleanups.push(() => hub.stop());
  for (const body of packs) await publish(hub, body);
  return { hub, token: await enrollTerminal(hub.store, 'kiosk-1') };
}

/** A kiosk core provisioned for the hub; it polls the manifest as soon as it reaches the hub. */
function startKiosk(hubUrl: string, token: string, dataDir = tempDir('sign-kiosk')) {
  process.env.KIOSK_SPEECH_PRERENDER = '0';
  const logger = createMemoryLogger();
  const core = createKioskCore({
    dataDir,
    configPath: writeKioskConfig(dataDir, 'kiosk-1', hubUrl, token),
    profilePath: writeTestProfile(dataDir, [hubUrl]),
    appVersion: '0.1.0',
    logger,
    sync: FAST_SYNC,
  });
  let closed = false;
  const close = () => {
    if (!closed) core.close();
    closed = true;
  };
  cleanups.push(close);
  return { core, dataDir, logger, close };
}

async function lookup(core: KioskCore, keys: string[], language = 'zh-CN') {
  const response = await core.dispatch('sign.lookup', { keys, language });
  if (!response.ok) throw new Error(JSON.stringify(response.error));
  return (response.value as { clips: { key: string; clip: { sha256: string; review: string } }[] }).clips;
}

async function installed(core: KioskCore, keys: string[], count: number): Promise<void> {
  expect(await waitForAsync(async () => (await lookup(core, keys)).length === count, 15_000, 50)).toBe(true);
}

function clipOf(built: Built, key: string) {
  return built.manifest.clips.find((clip) => clip.targets.some((target) => target.key === key))!;
}

describe('sign packs on the kiosk: download, verify, switch, serve', () => {
  it('downloads the published pack, verifies and switches to it, and serves its clips by hash with ranges', async () => {
    const { hub, token } = await hubWith(v1.archive);
    const { core, dataDir } = startKiosk(hub.url, token);
    await installed(core, [HOME, MALE], 2);
    const db = openKioskDataDb(dataDir);
    cleanups.push(() => db.close());
    expect(
      db.prepare("SELECT id, version, sha256, state FROM assets WHERE kind = 'sign_pack'").all(),
    ).toEqual([{ id: 'csl-basic', version: '1', sha256: sha256(v1.archive), state: 'active' }]);
    expect(fs.existsSync(path.join(dataDir, 'sign-packs', sha256(v1.archive), 'manifest.json'))).toBe(true);

    const [home, male] = await lookup(core, [HOME, MALE, GREETING]);
    expect(home).toMatchObject({
      key: HOME,
      clip: { sha256: clipOf(v1, HOME).sha256, review: 'unreviewed' },
    });
    expect(male).toMatchObject({ key: MALE, clip: { review: 'reviewed' } });
    const recorded = fs.readFileSync(path.join(path.dirname(v1.file), 'recordings', 'home.webm'));
    const whole = core.media({
      method: 'GET',
      pathname: `/sign-clips/${home!.clip.sha256}.webm`,
      range: undefined,
    });
    expect(whole).toMatchObject({ status: 200, headers: { 'content-type': 'video/webm' } });
    expect(whole!.body!.equals(recorded)).toBe(true);
    const part = core.media({
      method: 'GET',
      pathname: `/sign-clips/${home!.clip.sha256}.webm`,
      range: 'bytes=4-',
    });
    expect(part!.status).toBe(206);
    expect(part!.body!.equals(recorded.subarray(4))).toBe(true);
    expect(
      core.media({ method: 'GET', pathname: `/sign-clips/${sha256('other')}.webm`, range: undefined })!
        .status,
    ).toBe(404);
  });

  it('refuses hostile lookups with a clear error', async () => {
    const { hub, token } = await hubWith();
    const { core } = startKiosk(hub.url, token);
    for (const args of [
      { keys: ['article:../../kiosk.sqlite'], language: 'zh-CN' },
      { keys: [`catalog:common:${'x'.repeat(1024 * 1024)}`], language: 'zh-CN' },
      { keys: ['catalog:common:home.heading"; DROP TABLE assets; --'], language: 'zh-CN' },
      { keys: ['$(reboot)'], language: 'zh-CN' },
      { keys: Array.from({ length: 121 }, () => HOME), language: 'zh-CN' },
      { keys: HOME, language: 'zh-CN' },
      { keys: [HOME], language: 'fr' },
      { keys: [HOME], language: 'zh-CN', extra: 1 },
    ]) {
      const response = await core.dispatch('sign.lookup', args);
      expect(response).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    }
    expect(await lookup(core, [HOME])).toEqual([]);
  });

  it('a clip recorded for an older wording is not shown', async () => {
    const stale = structuredClone(v1.manifest);
    stale.id = 'csl-stale';
    stale.clips = [
      { ...clipOf(v1, HOME), targets: [{ key: GREETING, textSha256: sha256('您好，欢迎使用（旧的说法）') }] },
    ];
    const home = fs.readFileSync(path.join(path.dirname(v1.file), 'recordings', 'home.webm'));
    const archive = writeTar([
      { name: 'manifest.json', body: Buffer.from(JSON.stringify(stale)) },
      { name: '0001.webm', body: home },
    ]);
    const { hub, token } = await hubWith(v1.archive, archive);
    const { core, dataDir } = startKiosk(hub.url, token);
    await installed(core, [HOME], 1);
    const db = openKioskDataDb(dataDir);
    cleanups.push(() => db.close());
    expect(
      db.prepare("SELECT COUNT(*) AS n FROM assets WHERE kind = 'sign_pack' AND state = 'active'").get(),
    ).toEqual({ n: 2 });
    expect(await lookup(core, [GREETING])).toEqual([]);
  });

  it('of several packs, the clip with captions in the visitor’s language wins, then Chinese, then one a deaf signer reviewed', async () => {
    const home = fs.readFileSync(path.join(path.dirname(v1.file), 'recordings', 'home.webm'));
    const variant = (id: string, captionLanguage: 'zh-CN' | 'en', review: 'reviewed' | 'unreviewed') => {
      const manifest = structuredClone(v1.manifest);
      Object.assign(manifest, { id, captionLanguage });
      manifest.clips = [{ ...clipOf(v1, HOME), review }];
      return writeTar([
        { name: 'manifest.json', body: Buffer.from(JSON.stringify(manifest)) },
        { name: '0001.webm', body: home },
      ]);
    };
    const { hub, token } = await hubWith(
      variant('csl-a', 'zh-CN', 'unreviewed'),
      variant('csl-b', 'en', 'unreviewed'),
      variant('csl-c', 'zh-CN', 'reviewed'),
    );
    const { core } = startKiosk(hub.url, token);
    await installed(core, [HOME], 1);
    const packOf = async (language: string) => {
      const response = await core.dispatch('sign.lookup', { keys: [HOME], language });
      return response.ok
        ? (response.value as { clips: { clip: { pack: { id: string } } }[] }).clips[0]?.clip.pack.id
        : null;
    };
    expect(await packOf('zh-CN')).toBe('csl-c');
    expect(await packOf('en')).toBe('csl-b');
    expect(await packOf('mn-Mong-CN')).toBe('csl-c');
  });

  it('a pack the kiosk refuses is never installed, and the other published items still switch', async () => {
    const hub = await startTestHub();
    cleanups.push(() => hub.stop());
    const damaged = Buffer.from(v1.archive);
    damaged[damaged.length - 1024 - 600] = (damaged[damaged.length - 1024 - 600] ?? 0) ^ 0xff;
    await publishUnchecked(hub, damaged, 'csl-basic', '1');
    const data = prepareItem({
      kind: 'directory',
      body: Buffer.from(JSON.stringify({ ...directory, version: '2026.9' })),
    });
    if (!data.ok) throw new Error(data.error);
    await hub.store.publish({ ...data.value, publishedAt: new Date().toISOString() });
    const { core, dataDir, logger } = startKiosk(hub.url, await enrollTerminal(hub.store, 'kiosk-1'));
    const db = openKioskDataDb(dataDir);
    cleanups.push(() => db.close());
    const rows = () => db.prepare('SELECT kind, version, state FROM assets ORDER BY kind').all();
    expect(
      await waitForAsync(
        async () => logger.lines.some((line) => line.includes('"sync.assets_switched"')),
        15_000,
      ),
    ).toBe(true);
    expect(rows()).toEqual([
      { kind: 'directory', version: '2026.9', state: 'active' },
      { kind: 'template', version: '1.0.0', state: 'active' },
    ]);
    const refusal = logger.lines
      .map((line) => JSON.parse(line))
      .find((line) => line.event === 'sync.item_refused');
    expect(refusal).toMatchObject({
      kind: 'sign_pack',
      id: 'csl-basic',
      reason: expect.stringMatching(/^0002\.webm: hash_mismatch/),
    });
    expect(await lookup(core, [HOME, MALE])).toEqual([]);
  });

  it('a damaged clip on disk is unpacked again from the verified pack before it is served', async () => {
    const { hub, token } = await hubWith(v1.archive);
    const { core, dataDir, logger } = startKiosk(hub.url, token);
    await installed(core, [HOME], 1);
    const clip = clipOf(v1, HOME);
    const file = path.join(dataDir, 'sign-packs', sha256(v1.archive), clip.file);
    fs.writeFileSync(file, Buffer.alloc(clip.bytes));
    const served = core.media({
      method: 'GET',
      pathname: `/sign-clips/${clip.sha256}.webm`,
      range: undefined,
    })!;
    expect(served.status).toBe(200);
    expect(sha256(served.body!)).toBe(clip.sha256);
    expect(sha256(fs.readFileSync(file))).toBe(clip.sha256);
    expect(logger.lines.some((line) => line.includes('"sign.clip_corrupt"'))).toBe(true);
  });

  it('a new version replaces the old one (kept as previous); when the active one no longer verifies, the previous is used', async () => {
    const { hub, token } = await hubWith(v1.archive);
    const first = startKiosk(hub.url, token);
    await installed(first.core, [HOME, MALE], 2);
    first.close();
    await publish(hub, v2.archive);
    const second = startKiosk(hub.url, token, first.dataDir);
    expect(
      await waitForAsync(
        async () => (await lookup(second.core, [HOME]))[0]?.clip.sha256 === clipOf(v2, HOME).sha256,
        15_000,
        50,
      ),
    ).toBe(true);
    expect(await lookup(second.core, [MALE])).toEqual([]);
    const packsDir = path.join(first.dataDir, 'sign-packs');
    expect(fs.readdirSync(packsDir)).toEqual([sha256(v2.archive)]);
    second.close();

    // The disk lost the unpacked clips and the stored v2 was damaged: the kiosk goes back to v1.
    const db = openKioskDataDb(first.dataDir);
    db.prepare("UPDATE assets SET body = ? WHERE kind = 'sign_pack' AND version = '2'").run(
      Buffer.from('damaged'),
    );
    db.close();
    fs.rmSync(packsDir, { recursive: true });
    const third = startKiosk(hub.url, token, first.dataDir);
    expect((await lookup(third.core, [HOME]))[0]?.clip.sha256).toBe(clipOf(v1, HOME).sha256);
    expect(
      third.logger.lines.some(
        (line) => line.includes('"sign.pack_refused"') && line.includes('hash_mismatch'),
      ),
    ).toBe(true);
  });
});
