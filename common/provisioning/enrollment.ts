import { z } from 'zod';
import { kioskConfigSchema } from '../config_schema';
import { identifierSchema } from '../sync/protocol';
import { videoConfigSchema } from '../video/video_config';

/** Where a new terminal redeems its enrollment code (no token yet: the code is the credential). */
export const ENROLL_PATH = '/api/v1/enroll';
/** Where an administrator creates a code over HTTP (admin token). */
export const ENROLLMENT_CODES_PATH = '/api/v1/enrollment-codes';

/** 12 digits (about 40 bits): typed on a number pad, shown in groups of four. */
export const ENROLLMENT_CODE_DIGITS = 12;
export const DEFAULT_CODE_HOURS = 24;
export const MAX_CODE_HOURS = 7 * 24;

/** Digits only, from what a person typed: groups separated by spaces or dashes are fine. */
export function normalizeEnrollmentCode(typed: string): string | null {
  if (typed.length > 40) return null;
  const digits = typed.replace(/[ -]/g, '');
  return new RegExp(`^\\d{${ENROLLMENT_CODE_DIGITS}}$`).test(digits) ? digits : null;
}

/** `123456789012` → `1234-5678-9012`. */
export function formatEnrollmentCode(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1-');
}

/**
 * What an enrollment answer may set: facts about the terminal and how it serves visitors. Never programs or
 * their arguments, keys, addresses of external services (video providers, ICE/TURN servers) or PIN hashes:
 * a hub (or whoever answers in its name) must not be able to choose what the terminal runs or trusts. The
 * hub refuses such a template when the code is created; the terminal refuses an answer that carries one.
 * The terminal adds what it knows itself: the terminal id and token the hub issued, the hub address it used.
 */
export const enrollmentTemplateSchema = kioskConfigSchema
  .pick({
    centre: true,
    platformLevel: true,
    defaultLanguage: true,
    languages: true,
    bilingual: true,
    printer: true,
    screen: true,
    session: true,
    speech: true,
    updates: true,
  })
  .extend({
    /** Only the phone shown when nobody answers a call. */
    video: z.object({ fallbackPhone: videoConfigSchema.shape.fallbackPhone }).strict().optional(),
  })
  .strict();
export type EnrollmentTemplate = z.input<typeof enrollmentTemplateSchema>;

export const createEnrollmentCodeRequestSchema = z
  .object({
    terminalId: identifierSchema,
    template: enrollmentTemplateSchema,
    hours: z.number().min(0.1).max(MAX_CODE_HOURS).default(DEFAULT_CODE_HOURS),
  })
  .strict();

export const redeemRequestSchema = z.object({ code: z.string().max(40) }).strict();

/** The hub's answer to a redeemed code; the terminal checks `template` with `enrollmentTemplateSchema`. */
export const redeemResponseSchema = z
  .object({
    hubId: z.string().max(64),
    terminalId: identifierSchema,
    hubToken: z.string().min(1).max(512),
    template: z.record(z.string(), z.unknown()),
  })
  .strict();
export type RedeemResponse = z.infer<typeof redeemResponseSchema>;
