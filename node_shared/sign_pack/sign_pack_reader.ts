import { createHash } from 'node:crypto';
import { findForbiddenKey } from '../../common/contract/rpc_envelope';
import { schemaIssue } from '../../common/published/published_data';
import { err, ok, type Result } from '../../common/result';
import {
  CLIP_FILE_PATTERN,
  MAX_MANIFEST_BYTES,
  MAX_SIGN_CLIP_MS,
  MAX_SIGN_PACK_BYTES,
  MIN_SIGN_CLIP_SHORT_SIDE,
  SIGN_PACK_MANIFEST_FILE,
  type SignClip,
  type SignPackManifest,
  signPackManifestSchema,
} from '../../common/sign_language/sign_pack_manifest';
import { readTar, type TarEntry } from './tar_archive';
import { readWebmInfo } from './webm_info';

/** Why a pack was refused, with the file (tar entry or clip) it is about: operators fix that file. */
export interface SignPackRefusal {
  reason:
    | 'too_large'
    | 'not_a_pack'
    | 'bad_entry_name'
    | 'bad_manifest'
    | 'missing_clip'
    | 'extra_file'
    | 'hash_mismatch'
    | 'not_webm'
    | 'wrong_codec'
    | 'too_long'
    | 'too_small';
  file?: string;
  detail: string;
}

export interface SignPack {
  manifest: SignPackManifest;
  /** The bytes of one clip of the manifest (a view into the pack, already verified). */
  clipBytes(clip: SignClip): Buffer;
}

/** Codec ids in the WebM track headers for each codec the manifest may name. */
const CODEC_IDS: Record<string, string> = { vp9: 'V_VP9', av1: 'V_AV1', opus: 'A_OPUS' };
/** The container's duration may differ from the manifest's by rounding and the last frame's length. */
const DURATION_SLACK_MS = 500;

function refuse(
  reason: SignPackRefusal['reason'],
  detail: string,
  file?: string,
): { ok: false; error: SignPackRefusal } {
  return err({ reason, detail, ...(file === undefined ? {} : { file }) });
}

function parseManifest(bytes: Buffer): Result<SignPackManifest, SignPackRefusal> {
  if (bytes.length > MAX_MANIFEST_BYTES)
    return refuse('bad_manifest', 'manifest.json is larger than 4 MB', SIGN_PACK_MANIFEST_FILE);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return refuse('bad_manifest', 'manifest.json is not valid JSON', SIGN_PACK_MANIFEST_FILE);
  }
  const forbidden = findForbiddenKey(json);
  if (forbidden) return refuse('bad_manifest', `forbidden key ${forbidden}`, SIGN_PACK_MANIFEST_FILE);
  const parsed = signPackManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = schemaIssue(parsed.error);
    return refuse(
      'bad_manifest',
      `${issue.field || '(the file)'}: ${issue.message}`,
      SIGN_PACK_MANIFEST_FILE,
    );
  }
  return ok(parsed.data);
}

/** The clip's own headers must agree with the manifest: WebM, its codecs, ≤ 60 s, ≥ 480p. */
export function checkClipHeaders(clip: SignClip, bytes: Buffer): Result<void, SignPackRefusal> {
  const info = readWebmInfo(bytes);
  if (!info.ok || info.value.docType !== 'webm')
    return refuse(
      'not_webm',
      info.ok ? `document type ${info.value.docType}, not webm` : info.error,
      clip.file,
    );
  const { durationMs, tracks } = info.value;
  if (durationMs > MAX_SIGN_CLIP_MS)
    return refuse('too_long', `${Math.round(durationMs / 1000)} s, longer than 60 s`, clip.file);
  if (Math.abs(durationMs - clip.durationMs) > DURATION_SLACK_MS)
    return refuse(
      'bad_manifest',
      `lasts ${durationMs} ms, the manifest says ${clip.durationMs} ms`,
      clip.file,
    );
  const video = tracks.filter((track) => track.type === 'video');
  const audio = tracks.filter((track) => track.type === 'audio');
  if (video.length !== 1 || video[0]!.codecId !== CODEC_IDS[clip.video])
    return refuse('wrong_codec', `video must be one ${clip.video} track`, clip.file);
  if (audio.length > (clip.audio ? 1 : 0) || (clip.audio && audio[0]?.codecId !== CODEC_IDS[clip.audio]))
    return refuse(
      'wrong_codec',
      clip.audio ? 'audio must be one Opus track' : 'unexpected audio track',
      clip.file,
    );
  if (tracks.length !== video.length + audio.length)
    return refuse('wrong_codec', 'only one video and at most one audio track are allowed', clip.file);
  const { width, height } = video[0]!;
  if (width === null || height === null || Math.min(width, height) < MIN_SIGN_CLIP_SHORT_SIDE)
    return refuse('too_small', `${width}×${height}, smaller than 480p`, clip.file);
  if (width !== clip.width || height !== clip.height)
    return refuse(
      'bad_manifest',
      `is ${width}×${height}, the manifest says ${clip.width}×${clip.height}`,
      clip.file,
    );
  return ok(undefined);
}

/**
 * Opens and fully verifies a sign pack (the hub before publishing, the kiosk before switching to it and
 * again when loading it): size, tar structure, plain entry names, the manifest's schema, every clip present
 * once with its SHA-256, nothing else in the archive, and each clip's WebM headers.
 */
export function openSignPack(body: Buffer): Result<SignPack, SignPackRefusal> {
  if (body.length > MAX_SIGN_PACK_BYTES) return refuse('too_large', 'the pack is larger than 64 MB');
  const tar = readTar(body);
  if (!tar.ok) return refuse('not_a_pack', tar.error);
  const entries = new Map<string, TarEntry>();
  for (const entry of tar.value) {
    const plain = entry.name === SIGN_PACK_MANIFEST_FILE || CLIP_FILE_PATTERN.test(entry.name);
    if (!plain)
      return refuse('bad_entry_name', 'not a plain clip or manifest name', entry.name.slice(0, 120));
    if (entries.has(entry.name)) return refuse('bad_entry_name', 'appears twice', entry.name);
    entries.set(entry.name, entry);
  }
  const manifestEntry = entries.get(SIGN_PACK_MANIFEST_FILE);
  if (!manifestEntry) return refuse('not_a_pack', 'the pack has no manifest.json');
  const bytesOf = (entry: TarEntry) => body.subarray(entry.offset, entry.offset + entry.size);
  const manifest = parseManifest(bytesOf(manifestEntry));
  if (!manifest.ok) return manifest;
  const listed = new Set(manifest.value.clips.map((clip) => clip.file));
  for (const name of entries.keys()) {
    if (name !== SIGN_PACK_MANIFEST_FILE && !listed.has(name))
      return refuse('extra_file', 'is in the pack but not in the manifest', name);
  }
  for (const clip of manifest.value.clips) {
    const entry = entries.get(clip.file);
    if (!entry) return refuse('missing_clip', 'is in the manifest but not in the pack', clip.file);
    const bytes = bytesOf(entry);
    if (bytes.length !== clip.bytes || createHash('sha256').update(bytes).digest('hex') !== clip.sha256)
      return refuse('hash_mismatch', 'its SHA-256 or size differs from the manifest', clip.file);
    const headers = checkClipHeaders(clip, bytes);
    if (!headers.ok) return headers;
  }
  return ok({
    manifest: manifest.value,
    clipBytes: (clip) => {
      const entry = entries.get(clip.file);
      if (!entry) throw new Error(`clip ${clip.file} is not in this pack`);
      return bytesOf(entry);
    },
  });
}

/** One line for logs and CLIs: "clip 0003.webm: too_long (600 s, longer than 60 s)". */
export function describeRefusal(refusal: SignPackRefusal): string {
  return `${refusal.file ? `${refusal.file}: ` : ''}${refusal.reason} (${refusal.detail})`;
}
