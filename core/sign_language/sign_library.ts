import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { findForbiddenKey } from '../../common/contract/rpc_envelope';
import type { SignClipInfo } from '../../common/contract/sign_methods';
import { DEFAULT_LANGUAGE, type Language } from '../../common/languages';
import { err, ok, type Result } from '../../common/result';
import { parseSignKey } from '../../common/sign_language/sign_keys';
import {
  SIGN_PACK_MANIFEST_FILE,
  type SignClip,
  type SignPackManifest,
  type SignTarget,
  signPackManifestSchema,
} from '../../common/sign_language/sign_pack_manifest';
import type { Logger } from '../../node_shared/logger';
import { describeRefusal, openSignPack } from '../../node_shared/sign_pack/sign_pack_reader';
import type { KioskDatabase } from '../storage/database';
import { DIR_MODE, FILE_MODE, ownerOnlyDir } from '../storage/owner_only';
import { type SignSources, sourceTextOf, textSha256 } from './sign_sources';

interface Indexed {
  clip: SignClip;
  target: SignTarget;
  manifest: SignPackManifest;
  file: string;
}

interface PackRow {
  id: string;
  version: string;
  sha256: string;
  state: 'active' | 'previous';
}

export interface LoadedPack {
  id: string;
  version: string;
  clips: number;
}

export type ClipMiss = 'not_found' | 'corrupt';

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Recently served clips: the video element asks for the same clip several times (byte ranges). */
const CACHE_CLIPS = 4;

/**
 * The sign packs the downlink installed (`assets`, kind `sign_pack`), ready to serve. Each active pack is
 * verified in full and unpacked once into `<dir>/<pack sha256>/` (the folder is named by the verified
 * pack's hash, written under a temporary name and renamed, so a half-written folder is never used). A pack
 * that no longer verifies falls back to its previous version. Clip bytes are checked against their SHA-256
 * every time they are read from disk.
 */
export class SignLibrary {
  private byKey = new Map<string, Indexed[]>();
  private bySha = new Map<string, Indexed>();
  private packs: LoadedPack[] = [];
  private sources: SignSources;
  private readonly cache = new Map<string, Buffer>();

  constructor(
    private readonly db: KioskDatabase,
    private readonly dir: string,
    private readonly logger: Logger,
    private readonly loadSources: () => SignSources,
  ) {
    this.sources = loadSources();
    this.reload();
  }

  installed(): LoadedPack[] {
    return this.packs;
  }

  /** Re-reads the installed packs (at start and after the downlink switched versions). */
  reload(): void {
    this.sources = this.loadSources();
    this.cache.clear();
    // Like every folder under the data folder: the kiosk's own user only.
    ownerOnlyDir(this.dir);
    const rows = this.db
      .prepare(
        "SELECT id, version, sha256, state FROM assets WHERE kind = 'sign_pack' AND state IN ('active', 'previous') ORDER BY id, state = 'active' DESC",
      )
      .all() as PackRow[];
    const loaded: { manifest: SignPackManifest; folder: string }[] = [];
    for (const id of new Set(rows.map((row) => row.id))) {
      for (const row of rows.filter((candidate) => candidate.id === id)) {
        const pack = this.unpacked(row);
        if (pack) {
          loaded.push(pack);
          break;
        }
      }
    }
    this.prune(new Set(loaded.map((pack) => path.basename(pack.folder))));
    this.index(loaded);
  }

  /** The folder of a verified pack: unpacked already, or verified and unpacked now. Null when refused. */
  private unpacked(row: PackRow): { manifest: SignPackManifest; folder: string } | null {
    const folder = path.join(this.dir, row.sha256);
    const existing = this.readManifest(folder);
    if (existing) return { manifest: existing, folder };
    const stored = this.db
      .prepare("SELECT body FROM assets WHERE kind = 'sign_pack' AND id = ? AND version = ?")
      .get(row.id, row.version) as { body: Buffer } | undefined;
    const refused = (reason: string) => {
      this.logger.warn('sign.pack_refused', { id: row.id, version: row.version, state: row.state, reason });
      return null;
    };
    if (!stored || sha256(stored.body) !== row.sha256) return refused('hash_mismatch');
    const pack = openSignPack(stored.body);
    if (!pack.ok) return refused(describeRefusal(pack.error));
    const staging = `${folder}.partial-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { mode: DIR_MODE });
    for (const clip of pack.value.manifest.clips)
      fs.writeFileSync(path.join(staging, clip.file), pack.value.clipBytes(clip), { mode: FILE_MODE });
    fs.writeFileSync(path.join(staging, SIGN_PACK_MANIFEST_FILE), JSON.stringify(pack.value.manifest), {
      mode: FILE_MODE,
    });
    fs.rmSync(folder, { recursive: true, force: true });
    fs.renameSync(staging, folder);
    return { manifest: pack.value.manifest, folder };
  }

  private readManifest(folder: string): SignPackManifest | null {
    try {
      const json = JSON.parse(fs.readFileSync(path.join(folder, SIGN_PACK_MANIFEST_FILE), 'utf8')) as unknown;
      if (findForbiddenKey(json)) return null;
      const parsed = signPackManifestSchema.safeParse(json);
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Removes unpacked folders of packs no longer in use, and half-written ones. */
  private prune(keep: ReadonlySet<string>): void {
    for (const name of fs.readdirSync(this.dir)) {
      if (!keep.has(name)) fs.rmSync(path.join(this.dir, name), { recursive: true, force: true });
    }
  }

  private index(loaded: readonly { manifest: SignPackManifest; folder: string }[]): void {
    this.byKey = new Map();
    this.bySha = new Map();
    for (const { manifest, folder } of loaded) {
      for (const clip of manifest.clips) {
        const file = path.join(folder, clip.file);
        for (const target of clip.targets) {
          const entry = { clip, target, manifest, file };
          this.byKey.set(target.key, [...(this.byKey.get(target.key) ?? []), entry]);
          this.bySha.set(clip.sha256, entry);
        }
      }
    }
    this.packs = loaded.map(({ manifest }) => ({
      id: manifest.id,
      version: manifest.version,
      clips: manifest.clips.length,
    }));
  }

  /** A clip keyed to a catalog string or article is current only while the Chinese text is unchanged. */
  private isCurrent(entry: Indexed): boolean {
    const key = parseSignKey(entry.target.key);
    if (!key) return false;
    const source = sourceTextOf(key, this.sources);
    if (!source.found) return false;
    return source.versioned || entry.target.textSha256 === textSha256(source.text);
  }

  /**
   * The best current clip of each key: captions in the visitor's language first, then in Chinese (the written
   * language every visitor here was schooled in), then any; among those, clips a deaf signer reviewed; then
   * by pack id.
   */
  lookup(keys: readonly string[], language: Language): { key: string; clip: SignClipInfo }[] {
    const out: { key: string; clip: SignClipInfo }[] = [];
    for (const key of new Set(keys)) {
      const candidates = (this.byKey.get(key) ?? []).filter((entry) => this.isCurrent(entry));
      const caption = (entry: Indexed) =>
        entry.manifest.captionLanguage === language
          ? 0
          : entry.manifest.captionLanguage === DEFAULT_LANGUAGE
            ? 2
            : 4;
      const rank = (entry: Indexed) => caption(entry) + (entry.clip.review === 'reviewed' ? 0 : 1);
      const best = candidates.sort(
        (a, b) => rank(a) - rank(b) || a.manifest.id.localeCompare(b.manifest.id),
      )[0];
      if (!best) continue;
      const { clip, manifest } = best;
      out.push({
        key,
        clip: {
          sha256: clip.sha256,
          durationMs: clip.durationMs,
          width: clip.width,
          height: clip.height,
          review: clip.review,
          signLanguage: manifest.signLanguage,
          captionLanguage: manifest.captionLanguage,
          captions: clip.captions,
          pack: { id: manifest.id, version: manifest.version },
        },
      });
    }
    return out;
  }

  /** The verified bytes of a clip of an installed pack. A damaged file is unpacked again from the database. */
  clip(sha: string): Result<Buffer, ClipMiss> {
    const cached = this.cache.get(sha);
    if (cached) return ok(cached);
    const entry = this.bySha.get(sha);
    if (!entry) return err('not_found');
    let bytes = this.readVerified(entry);
    if (!bytes) {
      this.logger.warn('sign.clip_corrupt', { pack: entry.manifest.id, file: entry.clip.file });
      fs.rmSync(path.dirname(entry.file), { recursive: true, force: true });
      this.reload();
      const again = this.bySha.get(sha);
      bytes = again ? this.readVerified(again) : null;
      if (!bytes) return err('corrupt');
    }
    this.cache.set(sha, bytes);
    if (this.cache.size > CACHE_CLIPS) this.cache.delete(this.cache.keys().next().value!);
    return ok(bytes);
  }

  private readVerified(entry: Indexed): Buffer | null {
    try {
      const bytes = fs.readFileSync(entry.file);
      return sha256(bytes) === entry.clip.sha256 ? bytes : null;
    } catch {
      return null;
    }
  }
}
