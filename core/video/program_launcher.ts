import { spawn } from 'node:child_process';
import type { ExternalOutcome } from './external_view_port';

export type LaunchResult =
  | { ok: true; stop(): void }
  | { ok: false; reason: 'not_installed' | 'failed_to_start' };

/**
 * Starts a contracted video program: the path and arguments come from the provisioning file only, as an
 * argument array without a shell, so nothing in them is ever interpreted. Resolves once the OS has started it
 * (or refused); `onExit` tells how it ended later. `stop()` (the visitor's "back to the kiosk") counts as ended.
 */
export function launchProgram(
  file: string,
  args: readonly string[],
  onExit: (outcome: ExternalOutcome) => void,
): Promise<LaunchResult> {
  return new Promise((resolve) => {
    let started = false;
    let stopped = false;
    const child = spawn(file, [...args], { shell: false, stdio: 'ignore', windowsHide: false });
    child.once('spawn', () => {
      started = true;
      resolve({
        ok: true,
        stop: () => {
          stopped = true;
          child.kill();
        },
      });
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      // Only start-up errors arrive before 'spawn'; a later one (a failed kill) changes nothing for the visitor.
      resolve({ ok: false, reason: error.code === 'ENOENT' ? 'not_installed' : 'failed_to_start' });
    });
    // Node may also emit 'exit' after a failed start: only a started program has an outcome.
    child.once('exit', (code) => {
      if (started) onExit(stopped || code === 0 ? 'ended' : 'error');
    });
  });
}
