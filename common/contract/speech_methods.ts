import { z } from 'zod';
import { LANGUAGES } from '../languages';
import { CATALOG_KEY_PATTERN } from '../speech/catalog_strings';
import { SPEECH_FAILURES, SPEECH_RENDER_REASONS } from '../speech/speech_failures';
import { MAX_SPEECH_TEXT_CHARS } from '../speech/text_limits';
import { visitorMethod } from './define';

/** Why the speech engine itself is unwell (staff's status bar and technician diagnostics show it). */
export const speechEngineFaultSchema = z.enum(SPEECH_FAILURES);

// A WAV of 2,000 characters of slow speech is far below this; the cap keeps the schema honest.
const MAX_AUDIO_BASE64 = 96 * 1024 * 1024;

export type SpeechEngineFault = z.infer<typeof speechEngineFaultSchema>;

export const speechRenderResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** The WAV file, base64. */
    audio: z.string().max(MAX_AUDIO_BASE64),
    cached: z.boolean(),
    source: z.enum(['pack', 'cache', 'engine']),
    durationMs: z.number().int().nonnegative(),
  }),
  z.object({ ok: z.literal(false), reason: z.enum(SPEECH_RENDER_REASONS) }),
]);
export type SpeechRenderResult = z.infer<typeof speechRenderResultSchema>;

const nullableVoice = z.string().max(64).nullable();

export const speechStatusSchema = z.object({
  state: z.enum(['ok', 'degraded']),
  reason: speechEngineFaultSchema.nullable(),
  engine: z.object({ name: z.string().max(64), version: z.string().max(64).nullable() }),
  voices: z.object({ 'zh-CN': nullableVoice, 'mn-Mong-CN': nullableVoice, en: nullableVoice }),
  cacheClips: z.number().int().nonnegative(),
  prerender: z.object({
    state: z.enum(['idle', 'running', 'done', 'stopped']),
    done: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
  packs: z.array(
    z.object({ language: z.enum(LANGUAGES), version: z.string().max(64), clips: z.number().int() }),
  ),
  invalidPacks: z.number().int().nonnegative(),
  queue: z.object({ running: z.number().int(), waiting: z.number().int() }),
  failures: z.partialRecord(speechEngineFaultSchema, z.number().int()),
});
export type SpeechStatusInfo = z.infer<typeof speechStatusSchema>;

export const speechMethods = {
  /** Renders one utterance to WAV: an audio-pack clip, a cached clip or a live synthesis. */
  'speech.render': visitorMethod(
    z
      .object({
        text: z.string().min(1).max(MAX_SPEECH_TEXT_CHARS),
        language: z.enum(LANGUAGES),
        kind: z.enum(['ui', 'dynamic']),
        /** `namespace:dotted.key` of a catalog string. */
        key: z.string().max(200).regex(CATALOG_KEY_PATTERN, 'namespace:dotted.key').optional(),
      })
      .strict(),
    speechRenderResultSchema,
  ),
  /** Engine health (no personal data): ok, or degraded with the reason, e.g. `engine_missing`. */
  'speech.status': visitorMethod(z.object({}).strict(), speechStatusSchema),
} as const;
