import { z } from 'zod';
import { feeSituationSchema } from '../fees/fee_situation_schema';
import { type StoredFeeReduction, storedFeeReductionSchema } from '../fees/stored_fee_reduction';
import { answerValueSchema } from '../forms/answers';
import { fieldErrorSchema } from '../forms/field_error';
import {
  formIdSchema,
  longTextSchema,
  OPTION_SOURCES,
  optionSchema,
  semverSchema,
  shortTextSchema,
  templateSchema,
} from '../forms/template_schema';
import { visitorMethod } from './define';

const noArgs = z.object({}).strict();
const draftId = z.string().uuid();
const uuid = z.string().uuid();
/** 12 digits (8 for drafts kept before codes grew); spaces and dashes between groups are ignored. */
export const retrievalCodeInput = z
  .string()
  .max(30)
  .transform((code) => code.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^(?:[0-9]{8}|[0-9]{12})$/, '12 digits'));

/** The fee slot of a draft: the core's `FeeQuote` in integer fen (legacy yuan records are still read). */
export const feeReductionSchema = storedFeeReductionSchema;
export type FeeReduction = StoredFeeReduction;

const templateRef = z.object({ id: formIdSchema, version: semverSchema });

export const draftStateSchema = z.object({
  draftId,
  template: templateRef,
  answers: z.record(z.string(), answerValueSchema),
  currentStep: z.string(),
  /** Ids of the steps shown for the current answers, in order (conditions applied). */
  visibleSteps: z.array(z.string()),
  /** Set when the visitor kept the draft. */
  retrievalCode: z.string().nullable(),
  feeReduction: feeReductionSchema.nullable(),
  priority: z.boolean(),
  /** Steps whose answer the ID card reader filled and the visitor has not changed since. */
  fromIdCard: z.array(z.string()),
});
export type DraftState = z.infer<typeof draftStateSchema>;

const draftMissing = z.object({ ok: z.literal(false), reason: z.literal('draft_not_found') });

export const stepErrorSchema = z.object({ stepId: z.string(), error: fieldErrorSchema });
export type StepError = z.infer<typeof stepErrorSchema>;

export const submissionSummarySchema = z.object({
  uuid,
  receiptNo: z.string(),
  template: templateRef,
  title: shortTextSchema,
  nextSteps: longTextSchema,
  createdAt: z.string(),
  priority: z.boolean(),
  officePhone: z.string(),
  officeName: z.string(),
  /** The papers to bring for the branch the visitor chose (templates with a checklist); absent when none. */
  papers: z.array(shortTextSchema).max(40).optional(),
});
export type SubmissionSummary = z.infer<typeof submissionSummarySchema>;

export const formsMethods = {
  /** Latest version of every template, for the service menu. */
  'forms.list_templates': visitorMethod(
    noArgs,
    z.object({
      templates: z.array(
        z.object({
          id: z.string(),
          version: z.string(),
          category: templateSchema.shape.category,
          title: shortTextSchema,
          description: longTextSchema,
        }),
      ),
    }),
  ),
  /** A template; without a version the latest. A draft's template: pass the draft's version. */
  'forms.get_template': visitorMethod(
    z.object({ id: formIdSchema, version: semverSchema.optional() }).strict(),
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), template: templateSchema }),
      z.object({ ok: z.literal(false), reason: z.literal('not_found') }),
    ]),
  ),
  /** Options of a choice filled from published data (e.g. the lawyer list); `sample` marks sample data. */
  'forms.get_options': visitorMethod(
    z.object({ source: z.enum(OPTION_SOURCES) }).strict(),
    z.object({ options: z.array(optionSchema), sample: z.boolean() }),
  ),
  /** Starts a draft on the latest version of a template. */
  'forms.start_draft': visitorMethod(
    z.object({ templateId: formIdSchema }).strict(),
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), draft: draftStateSchema }),
      /** `disk_full`: the disk is below its reserve, no new work is taken (the visitor is sent to the desk). */
      z.object({ ok: z.literal(false), reason: z.enum(['template_not_found', 'disk_full']) }),
    ]),
  ),
  'forms.get_draft': visitorMethod(
    z.object({ draftId }).strict(),
    z.union([z.object({ ok: z.literal(true), draft: draftStateSchema }), draftMissing]),
  ),
  /**
   * Validates one answer against its step and saves it at once (durable when this returns).
   * `value: null` clears an optional answer. Answers of steps hidden by the new answer are dropped.
   */
  'forms.save_answer': visitorMethod(
    z.object({ draftId, stepId: formIdSchema, value: answerValueSchema.nullable() }).strict(),
    z.union([
      z.object({ ok: z.literal(true), draft: draftStateSchema }),
      z.object({ ok: z.literal(false), reason: z.literal('invalid'), error: fieldErrorSchema }),
      z.object({ ok: z.literal(false), reason: z.enum(['unknown_step', 'step_hidden']) }),
      draftMissing,
    ]),
  ),
  /** Remembers where the visitor is (for resume). */
  'forms.set_current_step': visitorMethod(
    z.object({ draftId, stepId: formIdSchema }).strict(),
    z.union([
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), reason: z.literal('unknown_step') }),
      draftMissing,
    ]),
  ),
  /**
   * The fee calculator's seam: takes the visitor's answers, and the core stores the quote it computes with its
   * rule table (integer fen) on a template that has the `fee_reduction` slot. No amount comes from the screen.
   */
  'forms.attach_fee_reduction': visitorMethod(
    z.object({ draftId, situation: feeSituationSchema }).strict(),
    z.union([
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), reason: z.enum(['no_fee_slot', 'invalid_input']) }),
      draftMissing,
    ]),
  ),
  /** Keeps the draft past the session under a retrieval code (12 digits, spoken and printed). */
  'forms.keep_draft': visitorMethod(
    z.object({ draftId }).strict(),
    z.union([z.object({ ok: z.literal(true), code: z.string() }), draftMissing]),
  ),
  'forms.resume_draft': visitorMethod(
    z.object({ code: retrievalCodeInput }).strict(),
    z.union([
      z.object({ ok: z.literal(true), draft: draftStateSchema }),
      z.object({ ok: z.literal(false), reason: z.enum(['not_found', 'too_many_attempts']) }),
    ]),
  ),
  'forms.discard_draft': visitorMethod(z.object({ draftId }).strict(), z.object({ ok: z.literal(true) })),
  /** The draft this visitor was filling in, for a page that reloaded (a crashed renderer) to carry on with. */
  'forms.open_draft': visitorMethod(
    noArgs,
    z.union([
      z.object({ ok: z.literal(true), draft: draftStateSchema }),
      z.object({ ok: z.literal(false), reason: z.literal('none') }),
    ]),
  ),
  /** Session end: wipes every draft that was not kept under a retrieval code. */
  'forms.end_session': visitorMethod(noArgs, z.object({ wiped: z.number().int() })),
  /** Re-validates everything, then writes the immutable submission and its outbox row, deletes the draft. */
  'forms.submit': visitorMethod(
    z.object({ draftId }).strict(),
    z.union([
      z.object({ ok: z.literal(true), uuid, receiptNo: z.string(), priority: z.boolean() }),
      z.object({ ok: z.literal(false), reason: z.literal('invalid'), errors: z.array(stepErrorSchema) }),
      draftMissing,
    ]),
  ),
  /** What the receipt screen shows: no answers, no personal data. */
  'forms.get_submission_summary': visitorMethod(
    z.object({ uuid }).strict(),
    z.union([
      z.object({ ok: z.literal(true), summary: submissionSummarySchema }),
      z.object({ ok: z.literal(false), reason: z.literal('not_found') }),
    ]),
  ),
} as const;
