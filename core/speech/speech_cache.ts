import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ok, type Result } from '../../common/result';
import { type SpeechCacheIdentity, speechCacheMaterial } from '../../common/speech/cache_key';

export type CachedWav = { wav: Buffer; cached: boolean };

/** Most the own folder holds; past it the least recently written clips go (they are re-rendered on demand). */
export const SPEECH_CACHE_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Rendered UI speech on disk: `<dir>/<sha256(language|voice|engine version|text)>.wav`. Files are written
 * atomically (temp file + rename), so a crash never leaves half a clip under a real name; a changed text,
 * voice or engine version is a different key, so stale clips are simply never read again. Read-only seed
 * folders (pre-rendered at build time) are consulted after the own folder. Concurrent requests for one
 * key share one synthesis. The own folder is capped at `maxBytes`: it holds only catalog strings (never typed
 * text), but a growing catalog or a new voice must not fill the disk.
 */
export class SpeechCache {
  private readonly inFlight = new Map<string, Promise<Result<CachedWav, unknown>>>();

  private bytes: number;

  constructor(
    readonly dir: string,
    private readonly seedDirs: readonly string[] = [],
    private readonly maxBytes = SPEECH_CACHE_MAX_BYTES,
  ) {
    // Owner-only like every data folder (the clips are UI strings, but the folder sits in the data folder).
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.bytes = this.clips().reduce((sum, clip) => sum + clip.size, 0);
    this.trim();
  }

  private clips(): { file: string; size: number; mtimeMs: number }[] {
    return fs
      .readdirSync(this.dir)
      .filter((name) => name.endsWith('.wav'))
      .flatMap((name) => {
        const file = path.join(this.dir, name);
        const stat = fs.statSync(file, { throwIfNoEntry: false });
        return stat ? [{ file, size: stat.size, mtimeMs: stat.mtimeMs }] : [];
      });
  }

  /** Over the cap: the oldest clips go until the folder is at 90 % of it. */
  private trim(): void {
    if (this.bytes <= this.maxBytes) return;
    for (const clip of this.clips().sort((a, b) => a.mtimeMs - b.mtimeMs)) {
      if (this.bytes <= this.maxBytes * 0.9) break;
      fs.rmSync(clip.file, { force: true });
      this.bytes -= clip.size;
    }
  }

  static keyOf(identity: SpeechCacheIdentity): string {
    return createHash('sha256').update(speechCacheMaterial(identity), 'utf8').digest('hex');
  }

  private fileOf(dir: string, key: string): string {
    return path.join(dir, `${key}.wav`);
  }

  has(key: string): boolean {
    return [this.dir, ...this.seedDirs].some((dir) => fs.existsSync(this.fileOf(dir, key)));
  }

  async get(key: string): Promise<Buffer | null> {
    for (const dir of [this.dir, ...this.seedDirs]) {
      try {
        return await fs.promises.readFile(this.fileOf(dir, key));
      } catch {
        // not in this folder
      }
    }
    return null;
  }

  async put(key: string, wav: Buffer): Promise<void> {
    const target = this.fileOf(this.dir, key);
    const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.promises.writeFile(temp, wav, { mode: 0o600 });
      await fs.promises.rename(temp, target);
      this.bytes += wav.length;
      this.trim();
    } finally {
      await fs.promises.rm(temp, { force: true });
    }
  }

  /** The cached clip, or one made by `create` (once per key, however many ask at the same time). */
  getOrCreate<E>(key: string, create: () => Promise<Result<Buffer, E>>): Promise<Result<CachedWav, E>> {
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<Result<CachedWav, E>>;
    const job = (async (): Promise<Result<CachedWav, E>> => {
      const hit = await this.get(key);
      if (hit) return ok({ wav: hit, cached: true });
      const made = await create();
      if (!made.ok) return made;
      // A full disk must not cost the visitor this utterance; the next request will try again.
      await this.put(key, made.value).catch(() => {});
      return ok({ wav: made.value, cached: false });
    })().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, job);
    return job;
  }

  /** Number of clips in the own folder. */
  count(): number {
    try {
      return fs.readdirSync(this.dir).filter((name) => name.endsWith('.wav')).length;
    } catch {
      return 0;
    }
  }

  /** Removes clips whose key is not in `keep` (texts that left the catalogs); returns how many. */
  prune(keep: ReadonlySet<string>): number {
    let removed = 0;
    for (const clip of this.clips()) {
      if (keep.has(path.basename(clip.file, '.wav'))) continue;
      fs.rmSync(clip.file, { force: true });
      this.bytes -= clip.size;
      removed++;
    }
    return removed;
  }
}
