import { z } from 'zod';
import { PLATFORM_LEVELS } from '../config_schema';
import { dataIdSchema, localizedTextSchema } from '../content/localized_text';

/** The kinds of institution the rule-of-law map lists (policy §1), in the order the directory shows them. */
export const INSTITUTION_KINDS = [
  'legal_service_centre',
  'legal_service_station',
  'legal_aid_office',
  'notary_office',
  'judicial_appraisal',
  'law_firm',
  'arbitration_secretariat',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** Baotou's districts, banners and counties. */
export const DISTRICTS = [
  'kundulun',
  'qingshan',
  'donghe',
  'jiuyuan',
  'shiguai',
  'baiyun_obo',
  'tumed_right',
  'guyang',
  'darhan_muminggan',
] as const;
export type District = (typeof DISTRICTS)[number];

export const INSTITUTION_SERVICES = [
  'legal_consultation',
  'legal_aid',
  'notarization',
  'judicial_appraisal',
  'mediation',
  'arbitration',
  'document_drafting',
  'representation',
  'home_visit',
  'video_consultation',
] as const;

export const ACCESSIBILITY_FEATURES = [
  'step_free',
  'accessible_toilet',
  'sign_language',
  'braille',
  'green_channel',
] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];

export const institutionSchema = z
  .object({
    id: dataIdSchema,
    kind: z.enum(INSTITUTION_KINDS),
    /** Platform level, for public legal service centres and stations. */
    level: z.enum(PLATFORM_LEVELS).optional(),
    district: z.enum(DISTRICTS),
    name: localizedTextSchema(200),
    address: localizedTextSchema(300),
    phone: z
      .string()
      .min(3)
      .max(32)
      .regex(/^[0-9][0-9-]*$/, 'digits and dashes only'),
    hours: localizedTextSchema(300),
    services: z.array(z.enum(INSTITUTION_SERVICES)).max(INSTITUTION_SERVICES.length),
    accessibility: z.array(z.enum(ACCESSIBILITY_FEATURES)).max(ACCESSIBILITY_FEATURES.length),
    /** WGS-84, as RFC 5870 `geo:` URIs expect. */
    location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict(),
  })
  .strict();
export type Institution = z.infer<typeof institutionSchema>;

/** The directory as shipped in `assets/directory/` or published by the hub. */
export const directoryDatasetSchema = z
  .object({
    format: z.literal('kiosk.directory'),
    formatVersion: z.literal(1),
    id: dataIdSchema,
    version: z.string().min(1).max(64),
    /** True for the shipped sample: every screen that shows it says 示例数据. */
    sample: z.boolean(),
    institutions: z.array(institutionSchema).max(20_000),
  })
  .strict()
  .superRefine((dataset, context) => {
    const seen = new Set<string>();
    dataset.institutions.forEach((institution, index) => {
      if (seen.has(institution.id))
        context.addIssue({ code: 'custom', path: ['institutions', index, 'id'], message: 'duplicate id' });
      seen.add(institution.id);
    });
  });
export type DirectoryDataset = z.infer<typeof directoryDatasetSchema>;

/**
 * The letters a visitor types for an institution's Chinese name: pinyin initials and full toneless pinyin.
 * The core computes them once per dataset version (`common/directory/name_spelling.ts`) and sends them with
 * the dataset, so the kiosk screen builds its search index without a pinyin dictionary.
 */
export const nameSpellingSchema = z
  .object({
    initials: z
      .string()
      .max(400)
      .regex(/^[a-z0-9]*$/),
    spelled: z
      .string()
      .max(2_000)
      .regex(/^[a-z0-9]*$/),
  })
  .strict();
export type NameSpelling = z.infer<typeof nameSpellingSchema>;
