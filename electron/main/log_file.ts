import fs from 'node:fs';
import path from 'node:path';

export interface RotatingLogOptions {
  dir: string;
  /** Rotated files are `kiosk.1.log` … so every file keeps the `.log` ending the log export collects. */
  baseName?: string;
  maxBytes?: number;
  /** Files kept in all, the current one included. */
  keep?: number;
}

/**
 * A line writer for the core's JSON-lines logger: `<dir>/kiosk.log`, rotated at `maxBytes` into
 * `kiosk.1.log` … `kiosk.<keep-1>.log`. Written synchronously so the last lines before a crash are on disk;
 * a full or read-only disk never takes the kiosk down (the line is dropped).
 */
export function createRotatingLogWriter(options: RotatingLogOptions): (line: string) => void {
  const base = options.baseName ?? 'kiosk';
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 5);
  const file = (index: number) =>
    path.join(options.dir, index === 0 ? `${base}.log` : `${base}.${index}.log`);
  let size = -1;

  const rotate = () => {
    fs.rmSync(file(keep - 1), { force: true });
    for (let index = keep - 2; index >= 0; index--) {
      if (fs.existsSync(file(index))) fs.renameSync(file(index), file(index + 1));
    }
    size = 0;
  };

  return (line) => {
    const text = `${line}\n`;
    const bytes = Buffer.byteLength(text, 'utf8');
    try {
      if (size < 0) {
        fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
        size = fs.existsSync(file(0)) ? fs.statSync(file(0)).size : 0;
      }
      if (size > 0 && size + bytes > maxBytes) rotate();
      fs.appendFileSync(file(0), text, { mode: 0o600 });
      size += bytes;
    } catch {
      size = -1;
    }
  };
}
