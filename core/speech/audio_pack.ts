import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { findForbiddenKey } from '../../common/contract/rpc_envelope';
import { LANGUAGES, type Language } from '../../common/languages';
import { err, ok, type Result } from '../../common/result';
import { CATALOG_KEY_PATTERN } from '../../common/speech/catalog_strings';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'lower-case SHA-256 hex');

/** `namespace:dotted.key`, the form of `Utterance.key`. */
export const catalogKeySchema = z.string().max(200).regex(CATALOG_KEY_PATTERN, 'namespace:dotted.key');

/**
 * `manifest.json` of an audio pack: recorded clips (16-bit PCM WAV) keyed by catalog key. A clip with
 * `textSha256` is only used while the catalog text still hashes to it (a reworded string is not read
 * with the old recording).
 */
export const audioPackManifestSchema = z
  .object({
    language: z.enum(LANGUAGES),
    version: z.string().min(1).max(64),
    clips: z.record(
      catalogKeySchema,
      z
        .object({
          file: z
            .string()
            .max(200)
            .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.wav$/, 'a plain .wav file name inside the pack folder'),
          sha256: sha256Hex,
          durationMs: z.number().int().nonnegative().max(600_000),
          textSha256: sha256Hex.optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type AudioPackManifest = z.infer<typeof audioPackManifestSchema>;

export type PackProblem = 'missing' | 'unreadable' | 'invalid';
export type ClipMiss = 'no_clip' | 'stale' | 'corrupt';

export interface AudioPack {
  readonly dir: string;
  readonly language: Language;
  readonly version: string;
  readonly clipCount: number;
  hasClip(key: string, text?: string): boolean;
  /** The clip's bytes after checking their SHA-256 against the manifest. */
  clip(key: string, text?: string): Promise<Result<Buffer, ClipMiss>>;
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function loadAudioPack(dir: string): Result<AudioPack, PackProblem> {
  let raw: string;
  try {
    raw = fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8');
  } catch (error) {
    return err((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable');
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return err('invalid');
  }
  // A hub-published file: a prototype key anywhere makes the whole pack untrusted.
  if (findForbiddenKey(json)) return err('invalid');
  const parsed = audioPackManifestSchema.safeParse(json);
  if (!parsed.success) return err('invalid');
  const manifest = parsed.data;
  const clips = new Map(Object.entries(manifest.clips));
  const current = (key: string, text?: string) => {
    const entry = clips.get(key);
    if (!entry) return { entry: undefined, miss: 'no_clip' as const };
    if (entry.textSha256 && text !== undefined && entry.textSha256 !== sha256(text))
      return { entry: undefined, miss: 'stale' as const };
    return { entry, miss: null };
  };
  return ok({
    dir,
    language: manifest.language,
    version: manifest.version,
    clipCount: clips.size,
    hasClip: (key, text) => current(key, text).entry !== undefined,
    async clip(key, text) {
      const { entry, miss } = current(key, text);
      if (!entry) return err(miss ?? 'no_clip');
      try {
        const bytes = await fs.promises.readFile(path.join(dir, entry.file));
        return sha256(bytes) === entry.sha256 ? ok(bytes) : err('corrupt');
      } catch {
        return err('corrupt');
      }
    },
  });
}

/**
 * Every pack found in the given folders (each holding pack sub-folders); the first pack for a language
 * wins, so list the hub-published folder before the bundled one.
 */
export function loadAudioPacks(roots: readonly string[]): { packs: AudioPack[]; invalid: string[] } {
  const packs: AudioPack[] = [];
  const invalid: string[] = [];
  for (const root of roots) {
    let names: string[];
    try {
      names = fs.readdirSync(root).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const dir = path.join(root, name);
      if (!fs.statSync(dir).isDirectory()) continue;
      const pack = loadAudioPack(dir);
      if (pack.ok) packs.push(pack.value);
      else if (pack.error !== 'missing') invalid.push(name);
    }
  }
  return { packs, invalid };
}
