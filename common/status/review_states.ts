import { z } from 'zod';

/**
 * The review states an application goes through on the hub (issue 23), per kind of service. Legal aid has
 * the full path of the Legal Aid Law; the other services have shorter lists. The words (names, what to do
 * next, how to object) are in the `status` catalog of each language; these are only the codes.
 */
export const REVIEW_FLOWS = {
  legal_aid: ['received', 'accepted', 'documents_needed', 'approved', 'refused', 'closed'],
  notarization: ['received', 'accepted', 'documents_needed', 'ready', 'refused', 'closed'],
  home_visit: ['received', 'scheduled', 'visited', 'cancelled'],
  consultation: ['received', 'answered', 'closed'],
  callback: ['received', 'called', 'closed'],
} as const;
export type ReviewFlow = keyof typeof REVIEW_FLOWS;

export const REVIEW_STATES = [
  'received',
  'accepted',
  'documents_needed',
  'approved',
  'refused',
  'ready',
  'scheduled',
  'visited',
  'cancelled',
  'answered',
  'called',
  'closed',
] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

const FLOW_OF_TEMPLATE: Readonly<Record<string, ReviewFlow>> = {
  legal_aid_application: 'legal_aid',
  notarization_request: 'notarization',
  home_visit_booking: 'home_visit',
  legal_consultation_request: 'consultation',
  callback_request: 'callback',
  mediation_request: 'consultation',
};

/** The state list of a form; null for forms nobody reviews (feedback). */
export function flowOfTemplate(templateId: string): ReviewFlow | null {
  return FLOW_OF_TEMPLATE[templateId] ?? null;
}

export function statesOf(flow: ReviewFlow): readonly ReviewState[] {
  return REVIEW_FLOWS[flow];
}

const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => ![...value].some((char) => char < ' ' || char === '\u007f'), 'no control characters');

/**
 * What staff add to a state for the visitor: the documents still needed, the law firm assigned (as the
 * directory publishes it), the reason of a refusal, and a short note. Never personal data of the applicant.
 */
export const reviewDetailsSchema = z
  .object({
    documents: line(300).optional(),
    firmName: line(100).optional(),
    firmPhone: z
      .string()
      .trim()
      .max(32)
      .regex(/^[0-9+\-() ]*$/, 'digits, spaces, +, - and brackets only')
      .optional(),
    reason: line(300).optional(),
  })
  .strict();
export type ReviewDetails = z.infer<typeof reviewDetailsSchema>;

export const reviewChangeSchema = z
  .object({
    state: z.enum(REVIEW_STATES),
    note: line(200).default(''),
    details: reviewDetailsSchema.default({}),
  })
  .strict();
export type ReviewChange = z.infer<typeof reviewChangeSchema>;

/** Which details a state needs before the visitor can act on it; the message names the missing field. */
export function checkReviewChange(flow: ReviewFlow, change: ReviewChange): string | null {
  if (!statesOf(flow).includes(change.state)) return `state ${change.state} is not one of ${flow}`;
  const { details } = change;
  if (change.state === 'documents_needed' && !details.documents) return 'documents: say which documents';
  if (change.state === 'approved' && (!details.firmName || !details.firmPhone))
    return 'firmName and firmPhone: the law firm assigned';
  if (change.state === 'refused' && !details.reason) return 'reason: why, in plain words';
  return null;
}

/** The status a kiosk may show: the state, the staff note and the visitor-facing details, nothing else. */
export const reviewStatusSchema = z
  .object({
    receiptNo: z.string().max(64),
    flow: z.enum(Object.keys(REVIEW_FLOWS) as [ReviewFlow, ...ReviewFlow[]]),
    state: z.enum(REVIEW_STATES),
    /** When the state was set (the filing time while it is still `received`). */
    since: z.iso.datetime({ offset: true }),
    note: z.string().max(200),
    details: reviewDetailsSchema,
  })
  .strict();
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

/**
 * The second factor of a lookup: the last six characters of the applicant's resident ID number (or of the
 * phone number on forms without one). Typed on the keypad today; an ID card on the reader supplies the
 * same six characters.
 */
export const lookupFactorSchema = z
  .string()
  .trim()
  .regex(/^[0-9]{5}[0-9Xx]$/, 'six digits (the last may be X)')
  .transform((value) => value.toUpperCase());

export const statusLookupRequestSchema = z
  .object({
    receiptNo: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9-]+$/, 'letters, digits and dashes'),
    factor: lookupFactorSchema,
  })
  .strict();
export type StatusLookupRequest = z.infer<typeof statusLookupRequestSchema>;

export const STATUS_LOOKUP_PATH = '/api/v1/status/lookup';
/** A terminal's feed of the review states of its own applications. */
export const STATUS_FEED_PATH = '/api/v1/status/feed';
/** `PUT` with a staff token: a case system sets the review state of one application. */
export const STATUS_SET_PATH_PREFIX = '/api/v1/status/';

export const statusLookupAnswerSchema = z.object({ hubId: z.string().max(64), status: reviewStatusSchema });

export const statusFeedSchema = z.object({
  items: z
    .array(
      z.object({
        seq: z.number().int().nonnegative(),
        uuid: z.string().uuid(),
        state: z.enum(REVIEW_STATES),
        at: z.string().max(40),
      }),
    )
    .max(1000),
  next: z.number().int().nonnegative(),
});
