import { z } from 'zod';
import { type LocalizedText, localizedTextSchema } from '../content/localized_text';
import { type Condition, conditionSchema } from './conditions';
import { PATTERN_IDS } from './patterns';

/** Identifiers of templates, sections, steps and option values: lower-case, safe in keys and HTML. */
export const formIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and underscore, starting with a letter');

/** Template versions are immutable semver strings; a new text or question means a new version. */
export const semverSchema = z
  .string()
  .max(32)
  .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, 'a version like 1.0.0');

/** Text in each language: Chinese and English required, traditional Mongolian where written. */
export const shortTextSchema = localizedTextSchema(200);
export const longTextSchema = localizedTextSchema(2000);
export type { LocalizedText };

/** Hard upper bounds on answer length per field kind: nothing longer is ever stored. */
export const TEXT_MAX = 200;
export const LONG_TEXT_MAX = 2000;
export const SIGNATURE_MAX = 20_000;

/**
 * Why an office cannot take a matter when this option is chosen: the answer is refused with the catalog
 * message `forms:errors.refused.<reason>` (what the law says and where to go instead), on the step, at
 * submit and on the hub. A fixed list, like text patterns: a published template cannot bring its own wording.
 * - `court_case`: a court has accepted or decided the dispute, so a people's mediation committee cannot
 *   take it (《人民调解工作若干规定》第二十二条; the court itself can mediate).
 */
export const OPTION_REFUSALS = ['court_case'] as const;
export type OptionRefusal = (typeof OPTION_REFUSALS)[number];

export const optionSchema = z
  .object({ value: formIdSchema, label: shortTextSchema, refuses: z.enum(OPTION_REFUSALS).optional() })
  .strict();
export type FieldOption = z.infer<typeof optionSchema>;

/** Option lists the core fills from published data (the lawyers the centre published). */
export const OPTION_SOURCES = ['published_lawyers'] as const;
export type OptionSource = (typeof OPTION_SOURCES)[number];

/** A date bound: a fixed ISO date or `today` (evaluated when the answer is checked). */
const dateBound = z.union([
  z.literal('today'),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD or today'),
]);

const textField = z
  .object({
    type: z.literal('text'),
    minLength: z.number().int().min(0).max(TEXT_MAX).optional(),
    maxLength: z.number().int().min(1).max(TEXT_MAX).default(TEXT_MAX),
    pattern: z.enum(PATTERN_IDS).optional(),
  })
  .strict();
const longTextField = z
  .object({
    type: z.literal('long_text'),
    minLength: z.number().int().min(0).max(LONG_TEXT_MAX).optional(),
    maxLength: z.number().int().min(1).max(LONG_TEXT_MAX).default(LONG_TEXT_MAX),
    /** Common wording the visitor can press to fill in and then change (shown when `when` holds, over earlier
     * answers): a keypad visitor need not type a whole sentence on the on-screen keyboard. */
    starters: z
      .array(z.object({ when: conditionSchema.optional(), text: shortTextSchema }).strict())
      .max(20)
      .optional(),
  })
  .strict();
const numberField = z
  .object({
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(false),
    unit: shortTextSchema.optional(),
  })
  .strict();
const dateField = z
  .object({ type: z.literal('date'), notBefore: dateBound.optional(), notAfter: dateBound.optional() })
  .strict();
const singleChoiceField = z
  .object({
    type: z.literal('single_choice'),
    options: z.array(optionSchema).max(50).default([]),
    /** Options appended from published data, after the fixed ones. */
    optionsSource: z.enum(OPTION_SOURCES).optional(),
  })
  .strict();
const multiChoiceField = z
  .object({
    type: z.literal('multi_choice'),
    options: z.array(optionSchema).min(1).max(50),
    minSelected: z.number().int().min(0).max(50).optional(),
    maxSelected: z.number().int().min(1).max(50).optional(),
    /** An option that excludes all others, e.g. "none of these". */
    exclusiveOption: formIdSchema.optional(),
  })
  .strict();
const yesNoField = z.object({ type: z.literal('yes_no') }).strict();
const phoneField = z
  .object({ type: z.literal('phone'), accept: z.enum(['mobile', 'landline', 'any']).default('any') })
  .strict();
const residentIdField = z
  .object({
    type: z.literal('resident_id'),
    /** Earlier date step whose answer must equal the birth date inside the number. */
    birthDateStep: formIdSchema.optional(),
    /** Earlier single_choice step with options `male`/`female` checked against the 17th digit. */
    sexStep: formIdSchema.optional(),
  })
  .strict();
const disabilityCertField = z
  .object({
    type: z.literal('disability_cert'),
    /** Earlier resident_id step: the certificate must start with that number. */
    residentIdStep: formIdSchema.optional(),
    /** Earlier single_choice steps whose option values end in the category (1–7) / level (1–4) digit. */
    categoryStep: formIdSchema.optional(),
    levelStep: formIdSchema.optional(),
  })
  .strict();
const addressField = z
  .object({ type: z.literal('address'), maxLength: z.number().int().min(1).max(TEXT_MAX).default(TEXT_MAX) })
  .strict();
const signatureField = z.object({ type: z.literal('signature') }).strict();

export const fieldSchema = z.discriminatedUnion('type', [
  textField,
  longTextField,
  numberField,
  dateField,
  singleChoiceField,
  multiChoiceField,
  yesNoField,
  phoneField,
  residentIdField,
  disabilityCertField,
  addressField,
  signatureField,
]);
export type Field = z.infer<typeof fieldSchema>;

/** What a second-generation resident ID card can fill in (issue 19); the photo is never one of them. */
export const ID_CARD_FIELDS = ['name', 'sex', 'ethnicity', 'birth_date', 'address', 'id_number'] as const;
export type IdCardField = (typeof ID_CARD_FIELDS)[number];

/**
 * A step the card reader can fill: which card field, and whose card (`holder`, e.g. `applicant`; an agent or
 * guardian section uses its own holder, so one form can take two cards). Field types are checked on parse.
 */
export const idCardSourceSchema = z.object({ holder: formIdSchema, field: z.enum(ID_CARD_FIELDS) }).strict();
export type IdCardSource = z.infer<typeof idCardSourceSchema>;
export type FieldType = Field['type'];
export const FIELD_TYPES = fieldSchema.options.map((option) => option.shape.type.value);

export const stepSchema = z
  .object({
    /** Also the key of the answer in the draft and the payload. */
    id: formIdSchema,
    field: fieldSchema,
    required: z.boolean(),
    /** Short name of the answer, used on the review screen and the printed application. */
    label: shortTextSchema,
    /** The question, one per screen. */
    prompt: localizedTextSchema(500),
    /** Help shown and spoken on request. */
    help: longTextSchema.optional(),
    /** What is spoken when the step opens; default: the prompt. */
    speak: longTextSchema.optional(),
    /** The step is shown (and its answer kept) only when this holds over earlier answers. */
    showIf: conditionSchema.optional(),
    /** The ID card reader fills this step (version 1.2.0 and later of the bundled forms). */
    idCard: idCardSourceSchema.optional(),
  })
  .strict();
export type Step = z.infer<typeof stepSchema>;

export const sectionSchema = z
  .object({ id: formIdSchema, title: shortTextSchema, steps: z.array(stepSchema).min(1).max(60) })
  .strict();
export type Section = z.infer<typeof sectionSchema>;

export const printRowSchema = z
  .object({
    step: formIdSchema,
    /** Share of the printed row: `full` line, `half` or `third` column like boxes on the paper form. */
    width: z.enum(['full', 'half', 'third']).default('full'),
  })
  .strict();
export const printSectionSchema = z
  .object({ title: shortTextSchema, rows: z.array(printRowSchema).min(1).max(60) })
  .strict();
export type PrintSection = z.infer<typeof printSectionSchema>;

/** Values the core attaches to a draft besides answers. `fee_reduction` is filled by the fee calculator. */
/**
 * One paper to bring (the checklist of an application): shown on the review, printed with the application.
 * `when` picks the branch it belongs to (e.g. the agent's papers only when an agent applies); without it the
 * paper is always listed. Evaluated over the visible answers, like `showIf`.
 */
export const checklistItemSchema = z
  .object({ id: formIdSchema, text: shortTextSchema, when: conditionSchema.optional() })
  .strict();
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/**
 * Where a branch of the form comes from (the article of law or policy it serves), for reviewers, staff and
 * the hub; not asked of visitors.
 */
export const templateNoteSchema = z
  .object({ steps: z.array(formIdSchema).min(1).max(30), text: longTextSchema })
  .strict();
export type TemplateNote = z.infer<typeof templateNoteSchema>;

export const SLOT_KINDS = ['fee_reduction'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

export const templateSchema = z
  .object({
    id: formIdSchema,
    version: semverSchema,
    /** Which home tile / service this form belongs to. */
    category: z.enum(['legal_aid', 'notarization', 'home_visit', 'consultation', 'mediation', 'feedback']),
    title: shortTextSchema,
    description: longTextSchema,
    /** Translations not yet reviewed by a native speaker, per language. */
    unreviewed: z.array(z.enum(['mn-Mong-CN', 'en'])).default([]),
    sections: z.array(sectionSchema).min(1).max(20),
    /** Submissions get the priority flag (优先) when this holds; e.g. the applicant holds a disability certificate. */
    priority: z
      .object({
        when: conditionSchema,
        reason: shortTextSchema,
        /** Why this application is flagged, said on the review: each reason whose condition holds. */
        reasons: z
          .array(z.object({ when: conditionSchema, text: shortTextSchema }).strict())
          .max(10)
          .optional(),
      })
      .strict()
      .optional(),
    slots: z.array(z.enum(SLOT_KINDS)).max(4).default([]),
    /** Papers to bring, per branch (version 1.3.0 of the legal-aid application and later). */
    checklist: z.array(checklistItemSchema).max(40).optional(),
    /** Which article each branch serves. */
    notes: z.array(templateNoteSchema).max(40).optional(),
    receipt: z.object({ nextSteps: longTextSchema }).strict(),
    print: z
      .object({
        title: shortTextSchema,
        sections: z.array(printSectionSchema).min(1).max(20),
        /** Lines printed at the foot, e.g. the honesty commitment text and a signature box. */
        footer: longTextSchema.optional(),
      })
      .strict(),
  })
  .strict();
export type Template = z.infer<typeof templateSchema>;
export type TemplateInput = z.input<typeof templateSchema>;
export type { Condition };

export interface TemplateRef {
  id: string;
  version: string;
}

export function allSteps(template: Template): Step[] {
  return template.sections.flatMap((section) => section.steps);
}
