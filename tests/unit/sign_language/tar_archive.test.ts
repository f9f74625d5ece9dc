import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTar, writeTar } from '../../../node_shared/sign_pack/tar_archive';

const FILES = [
  { name: 'manifest.json', body: Buffer.from('{"a":1}') },
  { name: '0001.webm', body: Buffer.alloc(1300, 7) },
  { name: 'empty.webm', body: Buffer.alloc(0) },
];

/** An archive made by GNU tar itself, from files (and links) on disk. */
function gnuTar(setup: (dir: string) => string[], format = 'ustar'): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tar-test-'));
  const names = setup(dir);
  return execFileSync('tar', ['--format', format, '-cf', '-', '-C', dir, ...names]);
}

describe('tar archives of sign packs', () => {
  it('round-trips files, byte for byte, and writes the same bytes twice', () => {
    const archive = writeTar(FILES);
    expect(archive.length % 512).toBe(0);
    const entries = readTar(archive);
    expect(entries.ok).toBe(true);
    if (!entries.ok) return;
    expect(entries.value.map((e) => e.name)).toEqual(FILES.map((f) => f.name));
    entries.value.forEach((entry, i) => {
      expect(archive.subarray(entry.offset, entry.offset + entry.size).equals(FILES[i]!.body)).toBe(true);
    });
    expect(writeTar(FILES).equals(archive)).toBe(true);
  });

  it('is a tar GNU tar reads, and reads what GNU tar writes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tar-test-'));
    fs.writeFileSync(path.join(dir, 'pack.tar'), writeTar(FILES));
    expect(
      execFileSync('tar', ['-tf', path.join(dir, 'pack.tar')], { encoding: 'utf8' })
        .trim()
        .split('\n'),
    ).toEqual(FILES.map((f) => f.name));
    const made = gnuTar((d) => {
      fs.writeFileSync(path.join(d, 'manifest.json'), '{}');
      return ['manifest.json'];
    });
    const entries = readTar(made);
    expect(entries.ok && entries.value.map((e) => e.name)).toEqual(['manifest.json']);
  });

  it('refuses links, folders and pax records, naming the entry', () => {
    const link = gnuTar((d) => {
      fs.symlinkSync('/etc/passwd', path.join(d, '0001.webm'));
      return ['0001.webm'];
    });
    expect(readTar(link)).toEqual({ ok: false, error: 'entry "0001.webm" is not a regular file' });
    const folder = gnuTar((d) => {
      fs.mkdirSync(path.join(d, 'clips'));
      return ['clips'];
    });
    expect(readTar(folder)).toEqual({ ok: false, error: 'entry "clips/" is not a regular file' });
    const pax = gnuTar((d) => {
      fs.writeFileSync(path.join(d, `${'a'.repeat(120)}.webm`), 'x');
      return [`${'a'.repeat(120)}.webm`];
    }, 'pax');
    expect(readTar(pax).ok).toBe(false);
  });

  it('refuses a damaged header, a file running past the end, and a missing end marker', () => {
    const archive = writeTar(FILES);
    const damaged = Buffer.from(archive);
    damaged[10] = 0x41;
    expect(readTar(damaged)).toEqual({ ok: false, error: 'a tar header at byte 0 is damaged' });
    expect(readTar(archive.subarray(0, 1024 + 512))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/runs past the end/),
    });
    expect(readTar(archive.subarray(0, archive.length - 1024))).toEqual({
      ok: false,
      error: 'the tar archive has no end marker',
    });
    expect(readTar(Buffer.from('not a tar at all'))).toMatchObject({ ok: false });
  });
});
