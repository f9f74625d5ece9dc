import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testPki } from '../../support/test_pki';
import { spawnTypeScript } from '../../support/test_processes';

/** Runs `hub/main.ts` with `args`; resolves with its exit code and output, or the ready line (then stops it). */
function runHub(args: string[]): Promise<{ code: number | null; output: string; ready?: { url: string } }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-tls-cli-'));
  const child = spawnTypeScript('hub/main.ts', ['--port', '0', '--data', dataDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let ready: { url: string } | undefined;
  child.stderr?.on('data', (chunk) => (output += chunk));
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
    const line = output.split('\n').find((l) => l.startsWith('{"event":"ready"'));
    if (line && !ready) {
      ready = JSON.parse(line);
      child.kill('SIGTERM');
    }
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output, ready })));
}

describe('the hub serves TLS itself from --cert/--key (attack 3: plain HTTP on the LAN)', () => {
  it('refuses to listen beyond loopback without a certificate', { timeout: 60_000 }, async () => {
    const run = await runHub(['--host', '0.0.0.0']);
    expect(run.code).toBe(2);
    expect(run.output).toContain('Refusing plain HTTP on 0.0.0.0');
    expect(run.ready).toBeUndefined();
  });

  it('refuses a certificate and key that do not belong together', { timeout: 60_000 }, async () => {
    const pki = testPki();
    const run = await runHub(['--cert', pki.server.certFile, '--key', pki.otherServer.keyFile]);
    expect(run.code).toBe(2);
    expect(run.output).toContain('do not load together');
  });

  it('serves HTTPS with the centre certificate', { timeout: 60_000 }, async () => {
    const pki = testPki();
    const run = await runHub(['--cert', pki.server.certFile, '--key', pki.server.keyFile]);
    expect(run.ready?.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });
});
