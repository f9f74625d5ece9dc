import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRotatingLogWriter } from '../../../electron/main/log_file';

const tempDir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-logs-')), 'logs');
const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

describe('rotating log file', () => {
  it('appends one line per entry to <dir>/kiosk.log, creating the folder', () => {
    const dir = tempDir();
    const write = createRotatingLogWriter({ dir });
    write('{"event":"a"}');
    write('{"event":"b"}');
    expect(read(dir, 'kiosk.log')).toBe('{"event":"a"}\n{"event":"b"}\n');
    // Readable by the kiosk's own user only, like every data file.
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, 'kiosk.log')).mode & 0o777).toBe(0o600);
  });

  it('rotates at the size limit and keeps only the configured number of .log files', () => {
    const dir = tempDir();
    const write = createRotatingLogWriter({ dir, maxBytes: 100, keep: 3 });
    const line = (n: number) => `{"n":${n},"pad":"${'x'.repeat(30)}"}`; // 46 bytes with the newline
    for (let n = 0; n < 10; n++) write(line(n));
    expect(fs.readdirSync(dir).sort()).toEqual(['kiosk.1.log', 'kiosk.2.log', 'kiosk.log']);
    for (const file of fs.readdirSync(dir))
      expect(fs.statSync(path.join(dir, file)).size).toBeLessThanOrEqual(100);
    expect(read(dir, 'kiosk.log')).toBe(`${line(8)}\n${line(9)}\n`);
    expect(read(dir, 'kiosk.1.log')).toBe(`${line(6)}\n${line(7)}\n`);
    expect(read(dir, 'kiosk.2.log')).toBe(`${line(4)}\n${line(5)}\n`);
  });

  it('continues an existing log after a restart, counting its size', () => {
    const dir = tempDir();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'kiosk.log'), `${'y'.repeat(90)}\n`);
    createRotatingLogWriter({ dir, maxBytes: 100, keep: 2 })('{"event":"after restart"}');
    expect(read(dir, 'kiosk.log')).toBe('{"event":"after restart"}\n');
    expect(read(dir, 'kiosk.1.log')).toBe(`${'y'.repeat(90)}\n`);
  });

  it('drops lines instead of throwing when the folder cannot be written', () => {
    const blocker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-logs-')), 'not-a-dir');
    fs.writeFileSync(blocker, 'file in the way');
    const write = createRotatingLogWriter({ dir: path.join(blocker, 'logs') });
    expect(() => write('{"event":"lost"}')).not.toThrow();
  });
});
