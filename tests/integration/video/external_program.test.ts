import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RpcResponse } from '../../../common/contract';
import { createKioskCore, type KioskCore } from '../../../core/kiosk_core';
import { PROGRAM_FILE_NAME } from '../../../core/video/technician_program_file';
import { createMemoryLogger } from '../../../node_shared/logger';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FAKE_PROGRAM = path.join(ROOT, 'tests/fixtures/video/fake_video_program.mjs');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/**
 * A real core with the external provider `external`: a program in the technician's file next to the
 * provisioning file (`video_program.json`), a web service in the provisioning file. Returns it with the
 * `video.external` events it emits.
 */
function startCore(external: ({ kind: string } & Record<string, unknown>) | null) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'video-external-'));
  const sample = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/config.sample.json'), 'utf8'));
  const configPath = path.join(dir, 'config.json');
  const inConfig = external?.kind === 'url' ? { video: { external } } : {};
  fs.writeFileSync(configPath, JSON.stringify({ ...sample, ...inConfig }));
  if (external?.kind === 'program')
    fs.writeFileSync(path.join(dir, PROGRAM_FILE_NAME), JSON.stringify(external));
  const core: KioskCore = createKioskCore({
    dataDir: path.join(dir, 'data'),
    configPath,
    appVersion: 'test',
    logger: createMemoryLogger(),
  });
  expect(core.deps.provisioning.provisioned).toBe(true);
  const outcomes: string[] = [];
  core.events.attach((name, payload) => {
    if (name === 'video.external') outcomes.push((payload as { outcome: string }).outcome);
  });
  cleanups.push(() => {
    void core.dispatch('video.external.close', {});
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const rpc = async (method: string, args: unknown = {}) => {
    const response: RpcResponse = await core.dispatch(method, args);
    return response;
  };
  return { dir, rpc, outcomes };
}

async function waitFor<T>(probe: () => T | undefined | null | false, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a contracted video program', () => {
  it('starts with exactly the configured arguments, no shell, and "back to the kiosk" stops it', async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'video-external-args-'));
    const record = path.join(scratch, 'received.json');
    const hostile = ['$(touch pwned)', '`touch pwned2`', 'a b', '"quoted" \'too\'', ';reboot', '%PATH%', ''];
    const args = [FAKE_PROGRAM, record, 'stay', ...hostile];
    const { rpc, outcomes } = startCore({ kind: 'program', path: process.execPath, args, name: 'Meet' });

    expect(await rpc('video.external.info')).toEqual({
      ok: true,
      value: { configured: true, kind: 'program', name: 'Meet' },
    });
    expect(await rpc('video.external.open')).toEqual({ ok: true, value: { ok: true } });
    const received = await waitFor(
      () =>
        fs.existsSync(record) &&
        (JSON.parse(fs.readFileSync(record, 'utf8')) as { args: string[]; pid: number }),
    );
    expect(received.args).toEqual([record, 'stay', ...hostile]);
    // Nothing was interpreted: no file was made by the "$(…)" or backtick arguments anywhere we can see.
    expect(fs.readdirSync(scratch)).toEqual(['received.json']);
    expect(fs.existsSync(path.join(process.cwd(), 'pwned'))).toBe(false);
    expect(alive(received.pid)).toBe(true);

    // Opening again while it runs does not start a second copy.
    fs.rmSync(record);
    expect(await rpc('video.external.open')).toEqual({ ok: true, value: { ok: true } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fs.existsSync(record)).toBe(false);

    expect(await rpc('video.external.close')).toEqual({ ok: true, value: { ok: true } });
    await waitFor(() => outcomes.length > 0);
    expect(outcomes).toEqual(['ended']);
    await waitFor(() => !alive(received.pid));
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('a program that exits with an error is reported as an error', async () => {
    const record = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'video-external-fail-')), 'r.json');
    const { rpc, outcomes } = startCore({
      kind: 'program',
      path: process.execPath,
      args: [FAKE_PROGRAM, record, 'fail'],
    });
    expect(await rpc('video.external.open')).toEqual({ ok: true, value: { ok: true } });
    await waitFor(() => outcomes.length > 0);
    expect(outcomes).toEqual(['error']);
  });

  it('a program that is not installed, or not executable, is a failure value', async () => {
    const missing = startCore({ kind: 'program', path: '/opt/no-such-video-program/bin/meet', args: [] });
    expect(await missing.rpc('video.external.open')).toEqual({
      ok: true,
      value: { ok: false, reason: 'not_installed' },
    });

    const notExecutable = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'video-external-noexec-')), 'meet');
    fs.writeFileSync(notExecutable, 'not a program', { mode: 0o644 });
    const refused = startCore({ kind: 'program', path: notExecutable, args: [] });
    expect(await refused.rpc('video.external.open')).toEqual({
      ok: true,
      value: { ok: false, reason: 'failed_to_start' },
    });
    expect([...missing.outcomes, ...refused.outcomes]).toEqual([]);
  });

  it('a web service cannot open without the Electron shell: the dev host says so', async () => {
    const { rpc } = startCore({ kind: 'url', url: 'https://video.example.org/room' });
    expect(await rpc('video.external.info')).toEqual({
      ok: true,
      value: { configured: true, kind: 'url', name: null },
    });
    expect(await rpc('video.external.open')).toEqual({
      ok: true,
      value: { ok: false, reason: 'not_available_in_dev_host' },
    });
  });

  it('the page can name neither a URL nor a program, and nothing is configured by default', async () => {
    const record = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'video-external-rpc-')), 'r.json');
    const { rpc } = startCore({
      kind: 'program',
      path: process.execPath,
      args: [FAKE_PROGRAM, record, 'exit'],
    });
    for (const args of [
      { url: 'https://evil.example/' },
      { path: '/bin/sh', args: ['-c', 'id'] },
      { kind: 'url' },
      JSON.parse('{"__proto__":{"path":"/bin/sh"}}'),
    ]) {
      const response = await rpc('video.external.open', args);
      expect(response.ok, JSON.stringify(args)).toBe(false);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fs.existsSync(record)).toBe(false);

    const plain = startCore(null);
    expect(await plain.rpc('video.external.info')).toEqual({ ok: true, value: { configured: false } });
    expect(await plain.rpc('video.external.open')).toEqual({
      ok: true,
      value: { ok: false, reason: 'not_configured' },
    });
  });

  it('a program named in the provisioning file (which enrollment and screen edits write) is refused, never run', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'video-external-config-'));
    const marker = path.join(dir, 'pwned');
    const sample = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/config.sample.json'), 'utf8'));
    const configPath = path.join(dir, 'config.json');
    const program = { kind: 'program', path: '/bin/sh', args: ['-c', `touch ${marker}`] };
    fs.writeFileSync(configPath, JSON.stringify({ ...sample, video: { external: program } }));
    const core = createKioskCore({
      dataDir: path.join(dir, 'data'),
      configPath,
      appVersion: 'test',
      logger: createMemoryLogger(),
    });
    try {
      expect(core.deps.provisioning).toMatchObject({
        provisioned: false,
        problem: { field: 'video.external.kind' },
      });
      expect(await core.dispatch('video.external.open', {})).toEqual({
        ok: true,
        value: { ok: false, reason: 'not_configured' },
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(fs.existsSync(marker)).toBe(false);
    } finally {
      core.close();
    }
  });
});
