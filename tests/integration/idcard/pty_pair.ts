import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PtyPair {
  /** The kiosk's end (what the provisioning's `port` names). */
  kiosk: string;
  /** The simulated reader's end. */
  device: string;
  process: ChildProcess;
  /** Pulls the cable: socat dies, both ends of the line go away. */
  unplug(): Promise<void>;
}

/** A real pseudo-terminal pair from Debian's socat (raw, no echo), as a USB-serial reader would appear. */
export async function startPtyPair(): Promise<PtyPair> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-pty-'));
  const kiosk = path.join(dir, 'kiosk');
  const device = path.join(dir, 'reader');
  const child = spawn('socat', [`pty,raw,echo=0,link=${kiosk}`, `pty,raw,echo=0,link=${device}`], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100 && !(fs.existsSync(kiosk) && fs.existsSync(device)); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (!fs.existsSync(kiosk)) throw new Error('socat did not create the pseudo-terminal pair');
  const unplug = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { kiosk, device, process: child, unplug };
}
