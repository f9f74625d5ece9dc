import { z } from 'zod';
import { kioskConfigSchema } from '../config_schema';
import { identifierSchema } from '../sync/protocol';

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
 * Everything a provisioning file holds except what the hub fills in at redemption (terminal id, hub token)
 * and what the terminal knows itself (the hub address it redeemed at).
 */
export const provisioningTemplateSchema = kioskConfigSchema.omit({
  terminalId: true,
  hubUrl: true,
  hubToken: true,
});
export type ProvisioningTemplate = z.input<typeof provisioningTemplateSchema>;

export const createEnrollmentCodeRequestSchema = z
  .object({
    terminalId: identifierSchema,
    template: provisioningTemplateSchema,
    hours: z.number().min(0.1).max(MAX_CODE_HOURS).default(DEFAULT_CODE_HOURS),
  })
  .strict();

export const redeemRequestSchema = z.object({ code: z.string().max(40) }).strict();

/** The hub's answer to a redeemed code; the terminal validates the assembled file with kioskConfigSchema. */
export const redeemResponseSchema = z
  .object({
    hubId: z.string().max(64),
    terminalId: identifierSchema,
    hubToken: z.string().min(1).max(512),
    template: z.record(z.string(), z.unknown()),
  })
  .strict();
export type RedeemResponse = z.infer<typeof redeemResponseSchema>;
