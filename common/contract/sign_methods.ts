import { z } from 'zod';
import { LANGUAGES } from '../languages';
import { captionCueSchema } from '../sign_language/captions';
import { signKeySchema } from '../sign_language/sign_key_schema';
import { REVIEW_STATES, signLanguageSchema } from '../sign_language/sign_pack_manifest';
import { identifierSchema, sha256HexSchema, versionSchema } from '../sync/protocol';
import { visitorMethod } from './define';

/** A clip the page may play: fetched from `signClipPath(sha256)`, captions shown beside it. */
export const signClipInfoSchema = z.object({
  sha256: sha256HexSchema,
  durationMs: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  review: z.enum(REVIEW_STATES),
  signLanguage: signLanguageSchema,
  captionLanguage: z.enum(LANGUAGES),
  captions: z.array(captionCueSchema).max(200),
  pack: z.object({ id: identifierSchema, version: versionSchema }),
});
export type SignClipInfo = z.infer<typeof signClipInfoSchema>;

/** A screen asks for at most this many keys at once (its heading, intro, question, options). */
export const MAX_SIGN_LOOKUP_KEYS = 120;

export const signMethods = {
  /**
   * The clips of the given keys that the installed sign packs hold and that are still current (a clip of a
   * reworded catalog string or article is not returned). Captions in `language` are preferred.
   */
  'sign.lookup': visitorMethod(
    z
      .object({
        keys: z.array(signKeySchema).max(MAX_SIGN_LOOKUP_KEYS),
        language: z.enum(LANGUAGES),
      })
      .strict(),
    z.object({
      clips: z.array(z.object({ key: signKeySchema, clip: signClipInfoSchema })).max(MAX_SIGN_LOOKUP_KEYS),
    }),
  ),
} as const;
