import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Set by the suites' global setup; every server a test starts carries it, and so do its own children. */
export const RUN_ID_VARIABLE = 'KIOSK_TEST_RUN_ID';
const CHILD_MARK = 'KIOSK_TEST_CHILD';

/**
 * Starts a TypeScript entry point as one Node process (`node --import tsx`), marked as this test run's.
 * Not `tsx script`: the tsx command runs the script in a second process, so a SIGKILL (the power-cut
 * tests) killed only tsx and left the real server running, listening, holding its database.
 */
export function spawnTypeScript(
  script: string,
  args: readonly string[],
  options: SpawnOptions,
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.resolve(ROOT, script), ...args], {
    cwd: ROOT,
    ...options,
    env: { ...(options.env ?? process.env), [CHILD_MARK]: process.env[RUN_ID_VARIABLE] ?? 'unset' },
  });
}

export interface LeftoverProcess {
  pid: number;
  command: string;
}

/** Processes still alive that a test of run `runId` started (directly or as their children), from /proc. */
export function leftoverProcesses(runId: string): LeftoverProcess[] {
  return processesWithEnv(`${CHILD_MARK}=${runId}`);
}

/** Live processes whose environment holds `entry` (`NAME=value`), inherited by their children too. */
export function processesWithEnv(entry: string): LeftoverProcess[] {
  const found: LeftoverProcess[] = [];
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      if (!environ.includes(entry)) continue;
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      found.push({ pid: Number(pid), command });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}
