import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import zhCommon from '../../../assets/locales/zh-CN/common.json';
import { openSignPack } from '../../../node_shared/sign_pack/sign_pack_reader';
import { buildTestPack, makeClip, runTool, writeRecordings } from '../../fixtures/sign_language/test_clips';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const MALE = 'template:legal_aid_application@1.1.0:sex.option.male';
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sign-build-'));
});

describe('npm run sign-pack: building a pack from recordings', () => {
  it('builds a verified pack: hashes, picture, codecs, targets, captions (default, given, WebVTT), review', async () => {
    const work = path.join(dir, 'good');
    fs.mkdirSync(path.join(work, 'recordings'), { recursive: true });
    fs.writeFileSync(
      path.join(work, 'recordings', 'male.vtt'),
      'WEBVTT\n\n00:00.000 --> 00:01.000\n男\n\n00:01.000 --> 00:05.000\n男性\n',
    );
    const { archive, manifest } = await buildTestPack(
      work,
      {
        id: 'csl-test',
        version: '2026.1',
        signLanguage: 'csl',
        review: 'reviewed',
        clips: [
          { file: 'home.webm', keys: ['catalog:common:home.heading'] },
          { file: '男.webm', keys: [MALE], captions: 'male.vtt', review: 'unreviewed' },
          { file: 'article.webm', keys: ['article:legal_aid_for_you'], caption: '谁可以申请法律援助' },
        ],
      },
      {
        'home.webm': { seconds: 2, caption: '请选择服务' },
        '男.webm': { seconds: 2, width: 480, height: 854, codec: 'av1', audio: true, caption: '男' },
        'article.webm': { seconds: 1, width: 1280, height: 720 },
      },
    );
    expect(manifest).toMatchObject({
      format: 'kiosk.sign_pack',
      id: 'csl-test',
      version: '2026.1',
      signLanguage: 'csl',
    });
    const [home, male, article] = manifest.clips;
    expect(home).toMatchObject({
      file: '0001.webm',
      video: 'vp9',
      audio: null,
      width: 854,
      height: 480,
      review: 'reviewed',
      targets: [{ key: 'catalog:common:home.heading', textSha256: sha256(zhCommon.home.heading) }],
      captions: [{ startMs: 0, endMs: home!.durationMs, text: zhCommon.home.heading }],
    });
    expect(home!.durationMs).toBeGreaterThanOrEqual(1900);
    // A form text of an immutable version cannot go stale: no text hash.
    expect(male).toMatchObject({
      video: 'av1',
      audio: 'opus',
      width: 480,
      height: 854,
      review: 'unreviewed',
    });
    expect(male!.targets).toEqual([{ key: MALE }]);
    expect(male!.captions).toEqual([
      { startMs: 0, endMs: 1000, text: '男' },
      { startMs: 1000, endMs: male!.durationMs, text: '男性' },
    ]);
    expect(article!.targets[0]!.textSha256).toMatch(/^[0-9a-f]{64}$/);
    const opened = openSignPack(archive);
    expect(opened.ok).toBe(true);
    if (opened.ok) expect(sha256(opened.value.clipBytes(home!))).toBe(home!.sha256);
    expect(
      execFileSync('tar', ['-tf', path.join(work, 'pack.tar')], { encoding: 'utf8' }).split('\n'),
    ).toEqual(['manifest.json', '0001.webm', '0002.webm', '0003.webm', '']);
    // Built again from the same recordings: the same bytes, so publishing it again is a no-op.
    const again = runTool('scripts/sign_pack_cli.ts', [
      path.join(work, 'recordings'),
      '--out',
      path.join(work, 'again.tar'),
    ]);
    expect(again.status).toBe(0);
    expect(fs.readFileSync(path.join(work, 'again.tar')).equals(archive)).toBe(true);
  });

  it('the CLI writes <id>-<version>.sign-pack.tar next to the folder and prints a summary', () => {
    const recordings = writeRecordings(
      path.join(dir, 'cli', 'recordings'),
      {
        id: 'csl-cli',
        version: '3',
        signLanguage: 'csl',
        clips: [{ file: 'a.webm', keys: ['catalog:common:home.heading'] }],
      },
      { 'a.webm': { seconds: 1 } },
    );
    const run = runTool('scripts/sign_pack_cli.ts', [recordings]);
    expect(run.status).toBe(0);
    expect(run.output).toContain('sign pack csl-cli@3 (csl)');
    expect(run.output).toContain('1 clip(s), 1 key(s), 1 not reviewed by a deaf signer');
    expect(fs.existsSync(path.join(dir, 'cli', 'csl-cli-3.sign-pack.tar'))).toBe(true);
    expect(runTool('scripts/sign_pack_cli.ts', []).status).toBe(2);
  });

  it('refuses every bad recording with its file named, and writes nothing', () => {
    const recordings = path.join(dir, 'bad', 'recordings');
    fs.mkdirSync(recordings, { recursive: true });
    fs.writeFileSync(path.join(recordings, 'notes.webm'), '这不是视频，是一段说明文字。\n');
    makeClip(path.join(recordings, 'ten_minutes.webm'), { seconds: 600, rate: 1 });
    makeClip(path.join(recordings, 'small.webm'), { seconds: 1, width: 640, height: 360 });
    makeClip(path.join(recordings, 'h264.mp4'), { seconds: 1, codec: 'h264', container: 'mp4' });
    makeClip(path.join(recordings, 'matroska.mkv'), { seconds: 1, container: 'mkv' });
    makeClip(path.join(recordings, 'prompt.webm'), { seconds: 1 });
    makeClip(path.join(recordings, 'good.webm'), { seconds: 1 });
    // A file far larger than any clip: refused before anything reads it.
    fs.writeFileSync(path.join(recordings, 'huge.webm'), Buffer.alloc(0));
    fs.truncateSync(path.join(recordings, 'huge.webm'), 33 * 1024 * 1024);
    const key = 'catalog:common:home.heading';
    fs.writeFileSync(
      path.join(recordings, 'sign_pack.json'),
      JSON.stringify({
        id: 'csl-bad',
        version: '1',
        signLanguage: 'csl',
        clips: [
          { file: 'notes.webm', keys: [key] },
          { file: 'ten_minutes.webm', keys: [key] },
          { file: 'small.webm', keys: [key] },
          { file: 'h264.mp4', keys: [key] },
          { file: 'matroska.mkv', keys: [key] },
          { file: 'huge.webm', keys: [key] },
          { file: '../../etc/passwd', keys: [key] },
          { file: 'missing.webm', keys: [key] },
          { file: 'good.webm', keys: ['catalog:common:no.such.key', 'article:$(reboot)'] },
          {
            file: 'prompt.webm',
            keys: ['template:legal_aid_application@1.1.0:full_name.prompt'],
            captions: 'none.vtt',
          },
        ],
      }),
    );
    const out = path.join(dir, 'bad', 'pack.tar');
    const run = runTool('scripts/sign_pack_cli.ts', [recordings, '--out', out]);
    expect(run.status).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(path.join(dir, 'bad'))).toEqual(['recordings']);
    const refused = run.output.split('\n').filter((line) => line.startsWith('REFUSED'));
    expect(refused).toEqual([
      expect.stringMatching(/^REFUSED notes\.webm: not a video/),
      expect.stringMatching(/^REFUSED ten_minutes\.webm: too long \(600 s, longer than 60 s\)/),
      expect.stringMatching(/^REFUSED small\.webm: picture too small \(640×360, smaller than 480p\)/),
      expect.stringMatching(/^REFUSED h264\.mp4: not WebM/),
      expect.stringMatching(/^REFUSED matroska\.mkv: not WebM \(document type matroska/),
      expect.stringMatching(/^REFUSED huge\.webm: file too big \(33 MB/),
      expect.stringMatching(/^REFUSED \.\.\/\.\.\/etc\/passwd: bad file name/),
      expect.stringMatching(/^REFUSED missing\.webm: not found/),
      expect.stringMatching(/^REFUSED good\.webm: unknown key \(catalog:common:no\.such\.key/),
      expect.stringMatching(/^REFUSED prompt\.webm: bad captions \(none\.vtt cannot be read\)/),
    ]);
    expect(run.output).toContain('sign pack NOT built: 10 problem(s)');
  });

  it('refuses a broken mapping file, naming it', () => {
    const recordings = path.join(dir, 'mapping', 'recordings');
    fs.mkdirSync(recordings, { recursive: true });
    fs.writeFileSync(
      path.join(recordings, 'sign_pack.json'),
      JSON.stringify({ id: '../x', version: '1', clips: [] }),
    );
    const run = runTool('scripts/sign_pack_cli.ts', [recordings]);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/REFUSED sign_pack\.json: the mapping file is wrong \(id: /);
  });
});
