import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostToken } from '../../../devhost/host_token';

const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-host-token-'));

describe('the dev host token kept across restarts', () => {
  it('is the same after a restart, and readable by the owner only', () => {
    const dir = freshDir();
    const first = hostToken(dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(hostToken(dir)).toBe(first);
    expect(fs.statSync(path.join(dir, 'devhost.token')).mode & 0o777).toBe(0o600);
  });

  it('a tampered token file (shell text, newline, 1 MB) is replaced, never used as the token', () => {
    for (const hostile of ['$(reboot)\n', `${'a'.repeat(32)}\n`, 'x'.repeat(1_000_000), '']) {
      const dir = freshDir();
      fs.writeFileSync(path.join(dir, 'devhost.token'), hostile);
      const token = hostToken(dir);
      expect(token).not.toBe(hostile);
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(fs.readFileSync(path.join(dir, 'devhost.token'), 'utf8')).toBe(token);
    }
  });
});
