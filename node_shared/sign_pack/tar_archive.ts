import { err, ok, type Result } from '../../common/result';

/**
 * A minimal ustar (POSIX tar) reader and writer for sign packs: regular files only, flat names, no
 * compression. The reader never touches the disk: entries are byte ranges of the archive, so a hostile name
 * cannot land anywhere; it is refused instead, by name.
 */
const BLOCK = 512;

export interface TarEntry {
  name: string;
  /** Where the file's bytes start in the archive, and how many there are. */
  offset: number;
  size: number;
}

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString('utf8');
}

function octal(header: Buffer, start: number, length: number): number | null {
  const text = field(header, start, length).trim();
  return /^[0-7]{1,12}$/.test(text) ? Number.parseInt(text, 8) : null;
}

function checksumOf(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum;
}

function printable(name: string): string {
  return JSON.stringify(name.slice(0, 120));
}

/**
 * The entries of a tar archive, in order. Refused: a broken header or checksum, anything but a regular file
 * (folders, links, devices, pax or GNU long-name records), a file running past the end of the archive.
 */
export function readTar(archive: Buffer): Result<TarEntry[], string> {
  const entries: TarEntry[] = [];
  let at = 0;
  while (at + BLOCK <= archive.length) {
    const header = archive.subarray(at, at + BLOCK);
    if (header.every((byte) => byte === 0)) return ok(entries);
    if (octal(header, 148, 8) !== checksumOf(header)) return err(`a tar header at byte ${at} is damaged`);
    if (!field(header, 257, 6).startsWith('ustar')) return err(`the entry at byte ${at} is not ustar`);
    const prefix = field(header, 345, 155);
    const name = prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100);
    const type = String.fromCharCode(header[156]!);
    if (type !== '0' && type !== '\0') return err(`entry ${printable(name)} is not a regular file`);
    const size = octal(header, 124, 12);
    if (size === null) return err(`entry ${printable(name)} has no valid size`);
    const offset = at + BLOCK;
    if (offset + size > archive.length) return err(`entry ${printable(name)} runs past the end of the file`);
    entries.push({ name, offset, size });
    at = offset + Math.ceil(size / BLOCK) * BLOCK;
  }
  return err('the tar archive has no end marker');
}

function writeField(header: Buffer, start: number, length: number, value: string): void {
  header.write(value, start, length, 'utf8');
}

function writeOctal(header: Buffer, start: number, length: number, value: number): void {
  writeField(header, start, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
}

/**
 * A ustar archive of the given files in order. Deterministic (time 0, owner 0, mode 0644): the same files
 * give the same bytes, so the same pack built twice has the same SHA-256.
 */
export function writeTar(files: readonly { name: string; body: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  for (const file of files) {
    if (Buffer.byteLength(file.name) > 100) throw new Error(`tar name too long: ${file.name}`);
    const header = Buffer.alloc(BLOCK);
    writeField(header, 0, 100, file.name);
    writeOctal(header, 100, 8, 0o644);
    writeOctal(header, 108, 8, 0);
    writeOctal(header, 116, 8, 0);
    writeOctal(header, 124, 12, file.body.length);
    writeOctal(header, 136, 12, 0);
    header[156] = '0'.charCodeAt(0);
    writeField(header, 257, 6, 'ustar\0');
    writeField(header, 263, 2, '00');
    writeField(header, 148, 8, `${checksumOf(header).toString(8).padStart(6, '0')}\0 `);
    parts.push(header, file.body, Buffer.alloc((BLOCK - (file.body.length % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}
