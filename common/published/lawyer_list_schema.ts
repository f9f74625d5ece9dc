import { z } from 'zod';
import { dataIdSchema, localizedTextSchema } from '../content/localized_text';

/** The areas of law a listed lawyer handles, as the legal-aid form's matter types name them. */
export const LAWYER_AREAS = [
  'labour',
  'marriage_family',
  'social_security',
  'personal_injury',
  'property',
  'criminal',
  'administrative',
  'state_compensation',
  'inheritance',
  'consumer',
  'other',
] as const;

/** Languages a lawyer serves clients in; `sign` is Chinese Sign Language. */
export const LAWYER_LANGUAGES = ['zh', 'mn', 'sign', 'en'] as const;
export type LawyerLanguage = (typeof LAWYER_LANGUAGES)[number];

export const lawyerSchema = z
  .object({
    /** Becomes the form answer `lawyer_<id>`, so it follows the form-value rule (no dashes). */
    id: z
      .string()
      .min(1)
      .max(50)
      .regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and underscore, starting with a letter'),
    /** The lawyer's name as the centre publishes it (Chinese, with an English or Mongolian form). */
    name: localizedTextSchema(60),
    firm: localizedTextSchema(120),
    yearsOfPractice: z.number().int().min(0).max(70),
    areas: z.array(z.enum(LAWYER_AREAS)).min(1).max(LAWYER_AREAS.length),
    languages: z.array(z.enum(LAWYER_LANGUAGES)).min(1).max(LAWYER_LANGUAGES.length),
    /** Takes legal-aid cases: only these are offered on the legal-aid application. */
    acceptsLegalAid: z.boolean(),
  })
  .strict();
export type Lawyer = z.infer<typeof lawyerSchema>;

/**
 * The lawyers a centre publishes (`hub:publish --kind lawyers`), so an applicant can choose one
 * (允许受援人自主选择承办律师). `sample: true` marks demo data; every screen and printout that shows it says so.
 */
export const lawyerListSchema = z
  .object({
    format: z.literal('kiosk.lawyers'),
    formatVersion: z.literal(1),
    id: dataIdSchema,
    version: z.string().min(1).max(64),
    sample: z.boolean(),
    lawyers: z.array(lawyerSchema).max(5_000),
  })
  .strict()
  .superRefine((list, context) => {
    const seen = new Set<string>();
    list.lawyers.forEach((lawyer, index) => {
      if (seen.has(lawyer.id))
        context.addIssue({ code: 'custom', path: ['lawyers', index, 'id'], message: 'duplicate id' });
      seen.add(lawyer.id);
    });
  });
export type LawyerList = z.infer<typeof lawyerListSchema>;
