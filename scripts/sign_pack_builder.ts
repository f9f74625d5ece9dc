import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LANGUAGES } from '../common/languages';
import { type CaptionCue, captionCueSchema, parseWebVtt } from '../common/sign_language/captions';
import { parseSignKey } from '../common/sign_language/sign_keys';
import {
  MAX_SIGN_CLIP_BYTES,
  MAX_SIGN_PACK_BYTES,
  MAX_SIGN_PACK_CLIPS,
  REVIEW_STATES,
  SIGN_PACK_FORMAT,
  SIGN_PACK_MANIFEST_FILE,
  type SignClip,
  type SignPackManifest,
  signLanguageSchema,
} from '../common/sign_language/sign_pack_manifest';
import { identifierSchema, versionSchema } from '../common/sync/protocol';
import { type SignSources, sourceTextOf, textSha256 } from '../core/sign_language/sign_sources';
import {
  checkClipHeaders,
  describeRefusal,
  openSignPack,
  type SignPackRefusal,
} from '../node_shared/sign_pack/sign_pack_reader';
import { writeTar } from '../node_shared/sign_pack/tar_archive';
import { probeSignClip } from './sign_clip_probe';

/** The mapping file's default name inside the recordings folder. */
export const MAPPING_FILE = 'sign_pack.json';

/** A recording or caption file named in the mapping: a plain name inside the folder, never a path. */
const sourceName = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (name) => !/[/\\\0]/.test(name) && !name.startsWith('.') && name.trim() === name,
    'a plain file name inside the folder',
  );

export const mappingSchema = z
  .object({
    id: identifierSchema,
    version: versionSchema,
    signLanguage: signLanguageSchema,
    captionLanguage: z.enum(LANGUAGES).default('zh-CN'),
    /** The review state of every clip unless the clip says otherwise. */
    review: z.enum(REVIEW_STATES).default('unreviewed'),
    clips: z
      .array(
        z
          .object({
            file: z.string().max(300),
            keys: z.array(z.string().max(300)).min(1).max(50),
            /** One caption for the whole clip. */
            caption: z.string().max(300).optional(),
            /** Or a WebVTT file with timed captions. Without either, the Chinese text of the first key. */
            captions: z.string().max(300).optional(),
            review: z.enum(REVIEW_STATES).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_SIGN_PACK_CLIPS),
  })
  .strict();
export type SignPackMapping = z.input<typeof mappingSchema>;

export type BuildRefusalReason =
  | 'bad_mapping'
  | 'bad_name'
  | 'missing'
  | 'too_big'
  | 'not_video'
  | 'wrong_container'
  | 'wrong_codec'
  | 'too_long'
  | 'too_small'
  | 'unknown_key'
  | 'bad_captions'
  | 'no_caption'
  | 'bad_headers'
  | 'pack_too_large';

/** The kiosk verifier's reasons about one clip's headers, as the builder reports them. */
const HEADER_REASONS: Partial<Record<SignPackRefusal['reason'], BuildRefusalReason>> = {
  not_webm: 'wrong_container',
  wrong_codec: 'wrong_codec',
  too_long: 'too_long',
  too_small: 'too_small',
};

export interface BuildReport {
  outFile: string;
  manifest: SignPackManifest | null;
  /** Every problem, each with the file it is about; nothing is written while there is one. */
  refused: { file: string; reason: BuildRefusalReason; detail: string }[];
}

export interface BuildOptions {
  sourceDir: string;
  mappingFile?: string;
  outFile: string;
  sources: SignSources;
}

function readMapping(file: string): z.infer<typeof mappingSchema> | string {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return 'cannot be read as JSON';
  }
  const parsed = mappingSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.') || '(the file)'}: ${issue?.message ?? 'invalid'}`;
}

type Entry = z.infer<typeof mappingSchema>['clips'][number];
type Refuse = (reason: BuildRefusalReason, detail: string) => null;

function captionsOf(
  entry: Entry,
  sourceDir: string,
  durationMs: number,
  firstKeyText: string | undefined,
  refuse: Refuse,
): CaptionCue[] | null {
  let cues: { startMs: number; endMs: number; text: string }[];
  if (entry.captions !== undefined) {
    if (!sourceName.safeParse(entry.captions).success)
      return refuse('bad_name', `captions ${entry.captions}`);
    let text: string;
    try {
      text = fs.readFileSync(path.join(sourceDir, entry.captions), 'utf8');
    } catch {
      return refuse('bad_captions', `${entry.captions} cannot be read`);
    }
    const parsed = parseWebVtt(text);
    if (!parsed || parsed.length === 0)
      return refuse('bad_captions', `${entry.captions} is not WebVTT with cues`);
    cues = parsed;
  } else {
    const text = entry.caption ?? firstKeyText;
    if (text === undefined || /\{\{/.test(text))
      return refuse('no_caption', 'give "caption" or "captions": the key has no fixed Chinese text');
    cues = [{ startMs: 0, endMs: durationMs, text }];
  }
  const clamped = cues.map((cue) => ({ ...cue, endMs: Math.min(cue.endMs, durationMs) }));
  for (const cue of clamped) {
    const checked = captionCueSchema.safeParse(cue);
    if (!checked.success || cue.startMs >= durationMs)
      return refuse(
        'bad_captions',
        `caption "${cue.text.slice(0, 40)}" is empty, too long or outside the clip`,
      );
  }
  return clamped;
}

async function buildClip(
  entry: Entry,
  index: number,
  options: BuildOptions,
  review: SignClip['review'],
  refuse: Refuse,
): Promise<{ clip: SignClip; body: Buffer } | null> {
  if (!sourceName.safeParse(entry.file).success)
    return refuse('bad_name', 'not a plain file name inside the folder');
  const source = path.join(options.sourceDir, entry.file);
  let size: number;
  try {
    const stat = fs.statSync(source);
    if (!stat.isFile()) return refuse('missing', 'is not a file');
    size = stat.size;
  } catch {
    return refuse('missing', 'no such file in the folder');
  }
  if (size > MAX_SIGN_CLIP_BYTES)
    return refuse('too_big', `${Math.round(size / 1048576)} MB, more than 32 MB`);
  const probed = await probeSignClip(source);
  if (!probed.ok) return refuse(probed.error.reason, probed.error.detail);
  const targets: SignClip['targets'] = [];
  let firstKeyText: string | undefined;
  for (const key of entry.keys) {
    const parsed = parseSignKey(key);
    const text = parsed ? sourceTextOf(parsed, options.sources) : { found: false as const };
    if (!text.found)
      return refuse('unknown_key', `${key.slice(0, 120)} names no catalog string, form text or article`);
    firstKeyText ??= text.text;
    targets.push(text.versioned ? { key } : { key, textSha256: textSha256(text.text) });
  }
  const captions = captionsOf(entry, options.sourceDir, probed.value.durationMs, firstKeyText, refuse);
  if (!captions) return null;
  const body = fs.readFileSync(source);
  const clip: SignClip = {
    file: `${String(index + 1).padStart(4, '0')}.webm`,
    sha256: createHash('sha256').update(body).digest('hex'),
    bytes: body.length,
    ...probed.value,
    review: entry.review ?? review,
    targets,
    captions,
  };
  // The kiosks' own check of the file's headers (a Matroska file passes ffprobe's WebM test, not this).
  const headers = checkClipHeaders(clip, body);
  if (!headers.ok) return refuse(HEADER_REASONS[headers.error.reason] ?? 'bad_headers', headers.error.detail);
  return { body, clip };
}

/**
 * Builds a sign pack from a folder of recordings and its mapping file (`sign_pack.json`): every clip is
 * checked with ffprobe and against the keys it claims; any problem is reported with its file and nothing is
 * written. The written pack is read back with the verifier the hub and the kiosks use.
 */
export async function buildSignPack(options: BuildOptions): Promise<BuildReport> {
  const mappingFile = options.mappingFile ?? path.join(options.sourceDir, MAPPING_FILE);
  const report: BuildReport = { outFile: options.outFile, manifest: null, refused: [] };
  const mapping = readMapping(mappingFile);
  if (typeof mapping === 'string') {
    report.refused.push({ file: path.basename(mappingFile), reason: 'bad_mapping', detail: mapping });
    return report;
  }
  const built: { clip: SignClip; body: Buffer }[] = [];
  for (const [index, entry] of mapping.clips.entries()) {
    const refuse: Refuse = (reason, detail) => {
      report.refused.push({ file: entry.file.slice(0, 200), reason, detail });
      return null;
    };
    const clip = await buildClip(entry, index, options, mapping.review, refuse);
    if (clip) built.push(clip);
  }
  if (report.refused.length > 0) return report;
  const manifest: SignPackManifest = {
    format: SIGN_PACK_FORMAT,
    formatVersion: 1,
    id: mapping.id,
    version: mapping.version,
    signLanguage: mapping.signLanguage,
    captionLanguage: mapping.captionLanguage,
    clips: built.map((entry) => entry.clip),
  };
  const archive = writeTar([
    { name: SIGN_PACK_MANIFEST_FILE, body: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    ...built.map((entry) => ({ name: entry.clip.file, body: entry.body })),
  ]);
  if (archive.length > MAX_SIGN_PACK_BYTES) {
    report.refused.push({
      file: path.basename(options.outFile),
      reason: 'pack_too_large',
      detail: `${Math.round(archive.length / 1048576)} MB, more than 64 MB: split the clips into several packs`,
    });
    return report;
  }
  const check = openSignPack(archive);
  if (!check.ok) throw new Error(`the built pack does not verify: ${describeRefusal(check.error)}`);
  const staging = `${options.outFile}.partial-${process.pid}`;
  fs.writeFileSync(staging, archive);
  fs.renameSync(staging, options.outFile);
  report.manifest = manifest;
  return report;
}

const REASONS: Record<BuildRefusalReason, string> = {
  bad_mapping: 'the mapping file is wrong',
  bad_name: 'bad file name',
  missing: 'not found',
  too_big: 'file too big',
  not_video: 'not a video',
  wrong_container: 'not WebM',
  wrong_codec: 'wrong codec',
  too_long: 'too long',
  too_small: 'picture too small',
  unknown_key: 'unknown key',
  bad_captions: 'bad captions',
  no_caption: 'no caption',
  bad_headers: 'its WebM headers disagree with ffprobe',
  pack_too_large: 'pack too large',
};

export function formatBuildReport(report: BuildReport): string {
  if (!report.manifest)
    return [
      `sign pack NOT built: ${report.refused.length} problem(s)`,
      ...report.refused.map((r) => `REFUSED ${r.file}: ${REASONS[r.reason]} (${r.detail})`),
    ].join('\n');
  const { id, version, signLanguage, clips } = report.manifest;
  const unreviewed = clips.filter((clip) => clip.review === 'unreviewed').length;
  return [
    `sign pack ${id}@${version} (${signLanguage}) → ${report.outFile}`,
    `${clips.length} clip(s), ${clips.reduce((n, clip) => n + clip.targets.length, 0)} key(s), ${unreviewed} not reviewed by a deaf signer`,
  ].join('\n');
}
