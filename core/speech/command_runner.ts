import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { err, ok, type Result } from '../../common/result';
import type { SpeechFailure } from '../../common/speech/speech_failures';
import type { SynthesisCommand } from './speech_engine';

export interface RunOptions {
  timeoutMs: number;
  /** Output larger than this is a runaway engine: killed and reported as failed. */
  maxOutputBytes: number;
  classifyFailure?: (exitCode: number | null, stderr: string) => SpeechFailure | null;
  /** Background work (pre-rendering) runs at the lowest CPU priority so the visitor's UI stays smooth. */
  lowPriority?: boolean;
}

export interface ProcessOutcome {
  exitCode: number | null;
  stdout: Buffer;
  stderr: string;
}

const MAX_STDERR_CHARS = 4000;

/**
 * Runs one program with an argument array (never a shell), feeding stdin and collecting output.
 * ENOENT/EACCES → engine_missing; a hang → killed, timeout; too much output → killed, engine_failed.
 */
export function runProcess(
  file: string,
  args: readonly string[],
  stdin: Buffer | undefined,
  options: RunOptions,
): Promise<Result<ProcessOutcome, SpeechFailure>> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Result<ProcessOutcome, SpeechFailure>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const child = spawn(file, [...args], { shell: false, windowsHide: true, stdio: 'pipe' });
    if (options.lowPriority && child.pid) {
      try {
        os.setPriority(child.pid, 19);
      } catch {
        // Not allowed on this system: it still runs, only at normal priority.
      }
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(err('timeout'));
    }, options.timeoutMs);
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish(err(error.code === 'ENOENT' || error.code === 'EACCES' ? 'engine_missing' : 'engine_failed'));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxOutputBytes) {
        child.kill('SIGKILL');
        finish(err('engine_failed'));
        return;
      }
      chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_STDERR_CHARS) stderr += chunk.toString('utf8');
    });
    child.on('close', (exitCode, signal) => {
      if (exitCode === 0 && !signal) {
        finish(ok({ exitCode, stdout: Buffer.concat(chunks), stderr }));
        return;
      }
      finish(err(options.classifyFailure?.(exitCode, stderr) ?? 'engine_failed'));
    });
    // An engine that dies before reading all of stdin makes the pipe fail; the exit code tells why.
    child.stdin.on('error', () => {});
    child.stdin.end(stdin ?? Buffer.alloc(0));
  });
}

/**
 * Runs a synthesis command in a fresh private folder (mode 0700, files 0600) that is removed afterwards,
 * and returns the WAV bytes from stdout or from the output file.
 */
export async function runSynthesis(
  build: (workDir: string) => SynthesisCommand,
  options: RunOptions,
): Promise<Result<Buffer, SpeechFailure>> {
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-speech-'));
  try {
    const command = build(workDir);
    for (const input of command.inputFiles) await fs.writeFile(input.path, input.content, { mode: 0o600 });
    const outcome = await runProcess(command.file, command.args, command.stdin, options);
    if (!outcome.ok) return outcome;
    if (command.output.kind === 'stdout') return ok(outcome.value.stdout);
    try {
      return ok(await fs.readFile(command.output.path));
    } catch {
      return err('engine_failed');
    }
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
}
