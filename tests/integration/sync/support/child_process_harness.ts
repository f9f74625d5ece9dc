import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const OUT_DIR = path.join(ROOT, 'node_modules', '.cache', 'sync-tests');

/**
 * Bundles the project's TypeScript of an entry into one ES module so a child starts in a fraction of
 * tsx's time: the kill tests start dozens of them. The bundle lives under node_modules so it resolves
 * the project's dependencies.
 */
export async function bundleEntry(entry: string, name: string): Promise<string> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const outfile = path.join(OUT_DIR, `${name}-${process.pid}-${randomUUID().slice(0, 8)}.mjs`);
  process.once('exit', () => fs.rmSync(outfile, { force: true }));
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies load from node_modules as usual (some find their own files via __dirname).
    packages: 'external',
    logLevel: 'silent',
  });
  return outfile;
}

export interface Child {
  process: ChildProcess;
  /** Resolves when the child printed `marker` on stdout (rejects if it exits first or times out). */
  ready: Promise<string>;
  exited: Promise<number | null>;
}

export function startChild(
  script: string,
  args: string[],
  marker: RegExp,
  env: Record<string, string> = {},
  timeoutMs = 15_000,
): Child {
  const child = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, KIOSK_ASSETS_DIR: path.join(ROOT, 'assets'), KIOSK_SPEECH_PRERENDER: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    let out = '';
    let errText = '';
    const timer = setTimeout(
      () => reject(new Error(`child not ready in ${timeoutMs} ms: ${errText.slice(0, 500)}`)),
      timeoutMs,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = marker.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      errText += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code}) before ready: ${errText.slice(0, 500)}`));
    });
  });
  ready.catch(() => {});
  return { process: child, ready, exited };
}

/** kill -9 and wait until the process is gone. */
export async function killHard(child: Child): Promise<void> {
  if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  await child.exited;
}
