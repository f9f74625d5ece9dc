import { z } from 'zod';
import { LANGUAGES } from '../languages';
import { identifierSchema, sha256HexSchema, versionSchema } from '../sync/protocol';
import { captionCueSchema } from './captions';
import { signKeySchema } from './sign_key_schema';

/**
 * A sign pack: recorded sign-language clips with captions, published by the hub like audio packs. On the
 * wire it is one uncompressed tar holding `manifest.json` and the clips (`*.webm`); the manifest below names
 * each clip's SHA-256, what it is keyed to, and whether a deaf signer reviewed it.
 */
export const SIGN_PACK_FORMAT = 'kiosk.sign_pack';
export const SIGN_PACK_MANIFEST_FILE = 'manifest.json';

/** Clips are short: one screen, one question, one article's gist. */
export const MAX_SIGN_CLIP_MS = 60_000;
/** 480p or better: the shorter side of the picture (landscape or portrait) has at least 480 lines. */
export const MIN_SIGN_CLIP_SHORT_SIDE = 480;
/** The hub's limit for one published item; a larger pack is split into several (by area, each its own id). */
export const MAX_SIGN_PACK_BYTES = 64 * 1024 * 1024;
export const MAX_SIGN_CLIP_BYTES = 32 * 1024 * 1024;
export const MAX_SIGN_PACK_CLIPS = 2000;
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/**
 * What Chromium (and so Electron) plays without proprietary codecs: VP9 or AV1 video in WebM, Opus audio or
 * none. H.264/AAC and MP4 are refused: a kiosk build without them would show a black panel.
 */
export const SIGN_VIDEO_CODECS = ['vp9', 'av1'] as const;
export const SIGN_AUDIO_CODECS = ['opus'] as const;
export type SignVideoCodec = (typeof SIGN_VIDEO_CODECS)[number];

export const REVIEW_STATES = ['reviewed', 'unreviewed'] as const;
/** `reviewed`: a deaf signer checked the clip; `unreviewed`: not yet. */
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Clip files inside the pack: plain lower-case names, no folders (a `../` can never be expressed). */
export const CLIP_FILE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}\.webm$/;

/** The language of signing, as a BCP 47 tag: `csl` is Chinese Sign Language (国家通用手语). */
export const signLanguageSchema = z
  .string()
  .max(35)
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag such as csl');

export const signTargetSchema = z
  .object({
    key: signKeySchema,
    /** SHA-256 of the Chinese source text (catalog string, article) the clip signs: reworded text is stale. */
    textSha256: sha256HexSchema.optional(),
  })
  .strict();
export type SignTarget = z.infer<typeof signTargetSchema>;

export const signClipSchema = z
  .object({
    file: z.string().max(70).regex(CLIP_FILE_PATTERN, 'a plain .webm file name'),
    sha256: sha256HexSchema,
    bytes: z.number().int().min(1).max(MAX_SIGN_CLIP_BYTES),
    durationMs: z.number().int().min(1).max(MAX_SIGN_CLIP_MS),
    width: z.number().int().min(1).max(8192),
    height: z.number().int().min(1).max(8192),
    video: z.enum(SIGN_VIDEO_CODECS),
    audio: z.enum(SIGN_AUDIO_CODECS).nullable(),
    review: z.enum(REVIEW_STATES),
    targets: z.array(signTargetSchema).min(1).max(50),
    captions: z.array(captionCueSchema).min(1).max(200),
  })
  .strict()
  .refine((clip) => Math.min(clip.width, clip.height) >= MIN_SIGN_CLIP_SHORT_SIDE, {
    message: `the picture must be at least ${MIN_SIGN_CLIP_SHORT_SIDE}p`,
    path: ['height'],
  })
  .refine((clip) => clip.captions.every((cue) => cue.startMs <= clip.durationMs), {
    message: 'a caption starts after the clip ends',
    path: ['captions'],
  });
export type SignClip = z.infer<typeof signClipSchema>;

export const signPackManifestSchema = z
  .object({
    format: z.literal(SIGN_PACK_FORMAT),
    formatVersion: z.literal(1),
    id: identifierSchema,
    version: versionSchema,
    signLanguage: signLanguageSchema,
    /** The language of the captions (usually Chinese, the written language of the signing). */
    captionLanguage: z.enum(LANGUAGES),
    clips: z.array(signClipSchema).min(1).max(MAX_SIGN_PACK_CLIPS),
  })
  .strict()
  .superRefine((manifest, context) => {
    const files = new Set<string>();
    const keys = new Set<string>();
    manifest.clips.forEach((clip, index) => {
      if (files.has(clip.file))
        context.addIssue({ code: 'custom', path: ['clips', index, 'file'], message: 'duplicate file' });
      files.add(clip.file);
      for (const target of clip.targets) {
        if (keys.has(target.key))
          context.addIssue({ code: 'custom', path: ['clips', index, 'targets'], message: 'duplicate key' });
        keys.add(target.key);
      }
    });
  });
export type SignPackManifest = z.infer<typeof signPackManifestSchema>;

/** Where the page fetches a clip (same origin: the dev host or Electron's app:// protocol serve it). */
export const SIGN_CLIP_PATH_PREFIX = '/sign-clips/';
export const SIGN_CLIP_PATH = /^\/sign-clips\/([0-9a-f]{64})\.webm$/;

export function signClipPath(sha256: string): string {
  return `${SIGN_CLIP_PATH_PREFIX}${sha256}.webm`;
}
