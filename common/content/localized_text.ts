import { z } from 'zod';

/**
 * Published text in the kiosk's languages. Chinese and English are required; traditional Mongolian is
 * optional (shown in Chinese, marked `lang="zh-CN"`, until a reviewed translation is published).
 */
export const localizedTextSchema = (max: number) =>
  z
    .object({
      'zh-CN': z.string().min(1).max(max),
      en: z.string().min(1).max(max),
      'mn-Mong-CN': z.string().min(1).max(max).optional(),
    })
    .strict();

export type LocalizedText = z.infer<ReturnType<typeof localizedTextSchema>>;

/** Identifiers inside published data: lower-case, digits, `_` and `-`. */
export const dataIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, _ and - only');
