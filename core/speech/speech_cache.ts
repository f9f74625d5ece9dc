import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ok, type Result } from '../../common/result';
import { type SpeechCacheIdentity, speechCacheMaterial } from '../../common/speech/cache_key';

export type CachedWav = { wav: Buffer; cached: boolean };

/**
 * Rendered UI speech on disk: `<dir>/<sha256(language|voice|engine version|text)>.wav`. Files are written
 * atomically (temp file + rename), so a crash never leaves half a clip under a real name; a changed text,
 * voice or engine version is a different key, so stale clips are simply never read again. Read-only seed
 * folders (pre-rendered at build time) are consulted after the own folder. Concurrent requests for one
 * key share one synthesis.
 */
export class SpeechCache {
  private readonly inFlight = new Map<string, Promise<Result<CachedWav, unknown>>>();

  constructor(
    readonly dir: string,
    private readonly seedDirs: readonly string[] = [],
  ) {
    // Owner-only like every data folder (the clips are UI strings, but the folder sits in the data folder).
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
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
    for (const name of fs.readdirSync(this.dir)) {
      const key = name.slice(0, -'.wav'.length);
      if (name.endsWith('.wav') && !keep.has(key)) {
        fs.rmSync(path.join(this.dir, name), { force: true });
        removed++;
      }
    }
    return removed;
  }
}
