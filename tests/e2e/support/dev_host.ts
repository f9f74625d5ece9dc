import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeTestProfile } from '../../support/test_pki';
import { spawnTypeScript } from '../../support/test_processes';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../..');

export interface RunningDevHost {
  /** The URL with the per-run token in its fragment, as a visitor's browser would open it. */
  url: string;
  origin: string;
  token: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface DevHostOptions {
  dataDir?: string;
  configPath?: string;
  env?: Record<string, string>;
  /** Hubs (test hubs on 127.0.0.1) the dev host's organisation profile trusts, instead of the shipped one. */
  trustedHubs?: readonly string[];
}

/** Starts the real dev host (`devhost/main.ts`, one process) on a free loopback port with its own data folder. */
export async function startDevHost(options: DevHostOptions = {}): Promise<RunningDevHost> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-'));
  const child = spawnTypeScript('devhost/main.ts', [], {
    env: {
      ...process.env,
      KIOSK_PORT: '0',
      KIOSK_DATA_DIR: dataDir,
      // Pre-rendering every catalog string is for real terminals; e2e runs speak live (tests opt in via env).
      KIOSK_SPEECH_PRERENDER: '0',
      KIOSK_TEST_HOOKS: '1',
      KIOSK_CONFIG: options.configPath ?? path.join(PROJECT_ROOT, 'assets/config.sample.json'),
      ...(options.trustedHubs
        ? {
            KIOSK_PROFILE: writeTestProfile(
              fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-profile-')),
              options.trustedHubs,
            ),
          }
        : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const ready = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`dev host did not start:\n${output}`));
    }, 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk;
      for (const line of output.split('\n')) {
        if (!line.startsWith('{"event":"ready"')) continue;
        clearTimeout(timer);
        resolve(JSON.parse(line));
      }
    });
    child.on('exit', (code) => reject(new Error(`dev host exited (${code}):\n${output}`)));
  });
  const token = new URL(ready.url).hash.replace('#token=', '');
  return {
    url: ready.url,
    origin: `http://127.0.0.1:${ready.port}`,
    token,
    port: ready.port,
    dataDir,
    process: child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}
