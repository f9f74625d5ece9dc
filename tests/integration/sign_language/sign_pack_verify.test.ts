import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SignPackManifest } from '../../../common/sign_language/sign_pack_manifest';
import { prepareItem } from '../../../hub/publish';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { openSignPack } from '../../../node_shared/sign_pack/sign_pack_reader';
import { writeTar } from '../../../node_shared/sign_pack/tar_archive';
import { buildTestPack, makeClip, runTool } from '../../fixtures/sign_language/test_clips';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
let dir: string;
let good: { file: string; archive: Buffer; manifest: SignPackManifest };
let clip: Buffer;
let tenMinutes: Buffer;
let matroska: Buffer;

/** A hand-made pack: a manifest (changed from the good one) and entries, in the order given. */
function pack(
  change: (manifest: SignPackManifest) => unknown,
  entries?: { name: string; body: Buffer }[],
): Buffer {
  const manifest = change(structuredClone(good.manifest)) ?? good.manifest;
  return writeTar([
    { name: 'manifest.json', body: Buffer.from(JSON.stringify(manifest)) },
    ...(entries ?? [{ name: '0001.webm', body: clip }]),
  ]);
}

/** The manifest entry of the good clip, standing for other bytes (hash and size made to match them). */
function claiming(bytes: Buffer, durationMs?: number) {
  return (manifest: SignPackManifest) => {
    const entry = manifest.clips[0]!;
    entry.sha256 = sha256(bytes);
    entry.bytes = bytes.length;
    if (durationMs !== undefined) entry.durationMs = durationMs;
    return manifest;
  };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sign-verify-'));
  good = await buildTestPack(
    dir,
    {
      id: 'csl-verify',
      version: '1',
      signLanguage: 'csl',
      clips: [{ file: 'a.webm', keys: ['catalog:common:home.heading'] }],
    },
    { 'a.webm': { seconds: 2, caption: '请选择服务' } },
  );
  clip = fs.readFileSync(path.join(dir, 'recordings', 'a.webm'));
  tenMinutes = fs.readFileSync(makeClip(path.join(dir, 'ten.webm'), { seconds: 600, rate: 1 }));
  matroska = fs.readFileSync(makeClip(path.join(dir, 'clip.mkv'), { seconds: 2, container: 'mkv' }));
});

describe('hostile sign packs are refused (the same verifier on the hub and on every kiosk)', () => {
  it('accepts the built pack', () => {
    expect(openSignPack(good.archive).ok).toBe(true);
    expect(openSignPack(pack(() => undefined)).ok).toBe(true);
  });

  it.each([
    [
      'a traversal entry name',
      () => pack(() => undefined, [{ name: '../../kiosk.sqlite.webm', body: clip }]),
      'bad_entry_name',
      '../../kiosk.sqlite.webm',
    ],
    [
      'an absolute entry name',
      () => pack(() => undefined, [{ name: '/etc/cron.d/job', body: clip }]),
      'bad_entry_name',
      '/etc/cron.d/job',
    ],
    [
      'a nested entry name',
      () => pack(() => undefined, [{ name: 'clips/0001.webm', body: clip }]),
      'bad_entry_name',
      'clips/0001.webm',
    ],
    [
      'a traversal name in the manifest',
      () =>
        pack((m) => {
          m.clips[0]!.file = '../0001.webm';
          return m;
        }),
      'bad_manifest',
      'manifest.json',
    ],
    [
      'a wrong hash',
      () =>
        pack(
          () => undefined,
          [
            {
              name: '0001.webm',
              body: Buffer.concat([clip.subarray(0, -1), Buffer.from([clip.at(-1)! ^ 1])]),
            },
          ],
        ),
      'hash_mismatch',
      '0001.webm',
    ],
    [
      'a clip that is not video',
      () =>
        pack(claiming(Buffer.from('#!/bin/sh\nrm -rf /\n')), [
          { name: '0001.webm', body: Buffer.from('#!/bin/sh\nrm -rf /\n') },
        ]),
      'not_webm',
      '0001.webm',
    ],
    [
      'a 10-minute clip whose manifest says 60 s',
      () => pack(claiming(tenMinutes, 60_000), [{ name: '0001.webm', body: tenMinutes }]),
      'too_long',
      '0001.webm',
    ],
    [
      'a Matroska file named .webm',
      () => pack(claiming(matroska), [{ name: '0001.webm', body: matroska }]),
      'not_webm',
      '0001.webm',
    ],
    [
      'a clip the manifest says is longer than 60 s',
      () =>
        pack((m) => {
          m.clips[0]!.durationMs = 600_000;
          return m;
        }),
      'bad_manifest',
      'manifest.json',
    ],
    [
      'a manifest lying about the picture',
      () =>
        pack((m) => {
          m.clips[0]!.width = 1920;
          return m;
        }),
      'bad_manifest',
      '0001.webm',
    ],
    [
      'a file not in the manifest',
      () =>
        pack(
          () => undefined,
          [
            { name: '0001.webm', body: clip },
            { name: 'extra.webm', body: clip },
          ],
        ),
      'extra_file',
      'extra.webm',
    ],
    ['a clip missing from the archive', () => pack(() => undefined, []), 'missing_clip', '0001.webm'],
    [
      'a polluting manifest key',
      () =>
        writeTar([
          {
            name: 'manifest.json',
            body: Buffer.from(JSON.stringify(good.manifest).replace('{', '{"__proto__":{"admin":true},')),
          },
          { name: '0001.webm', body: clip },
        ]),
      'bad_manifest',
      'manifest.json',
    ],
    [
      'a manifest that is not JSON',
      () =>
        writeTar([
          { name: 'manifest.json', body: Buffer.from('{"format":') },
          { name: '0001.webm', body: clip },
        ]),
      'bad_manifest',
      'manifest.json',
    ],
    ['no manifest', () => writeTar([{ name: '0001.webm', body: clip }]), 'not_a_pack', undefined],
    ['a file that is not a tar', () => clip, 'not_a_pack', undefined],
  ])('%s', (_what, make, reason, file) => {
    const opened = openSignPack(make());
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.error.reason).toBe(reason);
    expect(opened.error.file).toBe(file);
  });

  it('an oversized pack is refused before anything else is read', () => {
    const huge = Buffer.alloc(64 * 1024 * 1024 + 1);
    expect(openSignPack(huge)).toMatchObject({ ok: false, error: { reason: 'too_large' } });
    expect(prepareItem({ kind: 'sign_pack', body: huge })).toEqual({
      ok: false,
      error: 'the file is larger than 64 MB',
    });
  });

  it('the hub publishes only verified packs, named by their manifest, and says which clip is wrong', () => {
    const prepared = prepareItem({ kind: 'sign_pack', body: good.archive });
    expect(prepared).toMatchObject({
      ok: true,
      value: { kind: 'sign_pack', id: 'csl-verify', version: '1' },
    });
    expect(prepareItem({ kind: 'sign_pack', body: good.archive, version: '2' })).toEqual({
      ok: false,
      error: "--version 2 differs from the file's version 1",
    });
    expect(
      prepareItem({
        kind: 'sign_pack',
        body: pack(claiming(tenMinutes, 60_000), [{ name: '0001.webm', body: tenMinutes }]),
      }),
    ).toEqual({
      ok: false,
      error: 'not a valid sign pack: 0001.webm: too_long (600 s, longer than 60 s)',
    });
  });

  it('npm run hub:publish: a bad pack is refused with the clip named and nothing is published', async () => {
    const hubDir = path.join(dir, 'hub');
    const bad = path.join(dir, 'bad.tar');
    fs.writeFileSync(
      bad,
      pack(() => undefined, [{ name: '../../evil.webm', body: clip }]),
    );
    const refused = runTool('hub/publish_cli.ts', ['--data', hubDir, '--kind', 'sign_pack', good.file, bad]);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain(
      'bad.tar: refused: not a valid sign pack: ../../evil.webm: bad_entry_name',
    );
    const published = runTool('hub/publish_cli.ts', ['--data', hubDir, '--kind', 'sign_pack', good.file]);
    expect(published.status).toBe(0);
    expect(published.output).toContain('sign_pack csl-verify@1: published');
    const store = openSqliteHubStore(hubDir);
    try {
      expect(await store.manifest()).toEqual([
        expect.objectContaining({
          kind: 'sign_pack',
          id: 'csl-verify',
          version: '1',
          sha256: sha256(good.archive),
        }),
      ]);
    } finally {
      await store.close();
    }
  });
});
