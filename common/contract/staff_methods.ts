import { z } from 'zod';
import { formIdSchema, shortTextSchema } from '../forms/template_schema';
import { LANGUAGES } from '../languages';
import { REVIEW_STATES } from '../status/review_states';
import { lockedMethod, visitorMethod } from './define';
import { retrievalCodeInput } from './forms_methods';
import { pinUnlockResultSchema } from './pin_unlock';

const noArgs = z.object({}).strict();
const uuid = z.string().uuid();

/** The staff PIN: 6 to 12 digits. */
export const staffPinSchema = z.string().min(6).max(12).regex(/^\d+$/, 'digits only');

/** Delivery state as the front desk says it: waiting to send, sent, rejected (with reason), quarantined. */
export const STAFF_STATES = ['waiting', 'sent', 'rejected', 'quarantined'] as const;
export type StaffState = (typeof STAFF_STATES)[number];

export const staffSubmissionSchema = z.object({
  uuid,
  receiptNo: z.string().max(64),
  templateId: z.string().max(64),
  title: shortTextSchema,
  createdAt: z.string().max(40),
  priority: z.boolean(),
  assisted: z.boolean(),
  state: z.enum(STAFF_STATES),
  /** Why the hub refused it (technical, never answer values). */
  reason: z.string().max(300).nullable(),
  handledAt: z.string().max(40).nullable(),
  /** The hub's review state of it (issue 23), as of the last status feed; null until the hub has said. */
  review: z.object({ state: z.enum(REVIEW_STATES), at: z.string().max(40) }).nullable(),
  /** False once the retention purge blanked the answers: the application can no longer be printed. */
  hasAnswers: z.boolean(),
});
export type StaffSubmission = z.infer<typeof staffSubmissionSchema>;

const printOutcome = z.union([
  z.object({ ok: z.literal(true), jobId: z.string().max(100) }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['out_of_paper', 'offline', 'failed', 'no_printer', 'not_found']),
  }),
]);

/** What staff must know about the terminal itself (no personal data). */
export const staffAlertSchema = z.discriminatedUnion('kind', [
  /** Free disk space is below the reserve: visitors cannot start new forms until space is freed. */
  z.object({
    kind: z.literal('disk_low'),
    freeBytes: z.number().nonnegative(),
    reserveBytes: z.number().nonnegative(),
  }),
  /** At start the database was damaged: it was kept aside and the intact submissions copied to a new one. */
  z.object({
    kind: z.literal('database_recovered'),
    at: z.string().max(40),
    recovered: z.number().int().min(0),
    unreadable: z.number().int().min(0),
  }),
]);
export type StaffAlert = z.infer<typeof staffAlertSchema>;

export const staffMethods = {
  /** Conditions of the terminal staff must act on: low disk, a database recovered after damage. */
  'staff.alerts': lockedMethod(
    'staff',
    noArgs,
    z.object({ ok: z.literal(true), alerts: z.array(staffAlertSchema).max(10) }),
  ),
  /** Opens staff mode. 5 wrong PINs are free, then a lockout of 15 s that doubles (shared `PinLock`). */
  'staff.unlock': visitorMethod(z.object({ pin: staffPinSchema }).strict(), pinUnlockResultSchema),
  'staff.lock': visitorMethod(noArgs, z.object({ ok: z.literal(true) })),
  /** Whether staff mode is open now (it locks itself after 10 minutes without a staff action). */
  'staff.status': visitorMethod(noArgs, z.object({ unlocked: z.boolean(), configured: z.boolean() })),
  /** This terminal's submissions of the last `days` days, newest first (no personal data). */
  'staff.list_submissions': lockedMethod(
    'staff',
    z.object({ days: z.number().int().min(1).max(30).default(7) }).strict(),
    z.object({ ok: z.literal(true), items: z.array(staffSubmissionSchema).max(500) }),
  ),
  /** One submission with its answers as words: a view of personal data, audited. */
  'staff.open_submission': lockedMethod(
    'staff',
    z.object({ uuid, language: z.enum(LANGUAGES).default('zh-CN') }).strict(),
    z.union([
      z.object({
        ok: z.literal(true),
        submission: staffSubmissionSchema,
        answers: z
          .array(
            z.object({
              stepId: z.string().max(64),
              label: z.string().max(500),
              text: z.string().max(20_000),
              /** A personal number: the screen masks it until staff choose "show". */
              personal: z.boolean(),
              fromIdCard: z.boolean(),
            }),
          )
          .max(300),
      }),
      z.object({ ok: z.literal(false), reason: z.literal('not_found') }),
    ]),
  ),
  'staff.print': lockedMethod(
    'staff',
    z
      .object({
        uuid,
        document: z.enum(['receipt', 'application']),
        language: z.enum(LANGUAGES).default('zh-CN'),
      })
      .strict(),
    printOutcome,
  ),
  'staff.mark_handled': lockedMethod(
    'staff',
    z.object({ uuid }).strict(),

    z.union([
      z.object({ ok: z.literal(true), handledAt: z.string().max(40) }),
      z.object({ ok: z.literal(false), reason: z.literal('not_found') }),
    ]),
  ),
  'staff.send_now': lockedMethod(
    'staff',
    noArgs,

    z.union([
      z.object({
        ok: z.literal(true),
        delivered: z.number().int().min(0),
        pending: z.number().int().min(0),
      }),
      z.object({
        ok: z.literal(false),
        reason: z.enum(['not_configured', 'hub_not_trusted', 'hub_identity_mismatch', 'offline', 'blocked']),
      }),
    ]),
  ),
  /** Submissions per local day and form, the last `days` days. */
  'staff.counts': lockedMethod(
    'staff',
    z.object({ days: z.number().int().min(1).max(31).default(7) }).strict(),

    z.object({
      ok: z.literal(true),
      days: z
        .array(
          z.object({
            date: z.string().max(10),
            services: z.array(
              z.object({ templateId: z.string().max(64), title: shortTextSchema, count: z.number().int() }),
            ),
          }),
        )
        .max(31),
    }),
  ),
  /** A visitor's kept draft by its retrieval code, to finish it with them. */
  'staff.find_draft': lockedMethod(
    'staff',
    z.object({ code: retrievalCodeInput }).strict(),

    z.union([
      z.object({
        ok: z.literal(true),
        draftId: uuid,
        templateId: z.string().max(64),
        title: shortTextSchema,
        currentStep: z.string().max(64),
        answered: z.number().int().min(0),
        updatedAt: z.string().max(40),
      }),
      z.object({ ok: z.literal(false), reason: z.enum(['not_found', 'too_many_attempts']) }),
    ]),
  ),
  /**
   * Assisted entry at the desk: a new draft of this form, filled by staff with the visitor (the ID card
   * reader works as on the visitor's own screens); the submission is recorded as assisted.
   */
  'staff.start_assisted': lockedMethod(
    'staff',
    z.object({ templateId: formIdSchema }).strict(),
    z.union([
      z.object({ ok: z.literal(true), draftId: uuid, stepId: formIdSchema }),
      z.object({ ok: z.literal(false), reason: z.literal('template_not_found') }),
    ]),
  ),
  /** Staff finish this draft on the visitor's behalf: the submission is recorded as assisted. */
  'staff.assist_draft': lockedMethod(
    'staff',
    z.object({ draftId: uuid }).strict(),

    z.union([
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), reason: z.literal('draft_not_found') }),
    ]),
  ),
} as const;

/** Hub → terminal: handled marks set on the desk page, `GET /api/v1/desk/handled?since=SEQ` (terminal token). */
export const HANDLED_FEED_PATH = '/api/v1/desk/handled';
export const handledFeedSchema = z.object({
  items: z
    .array(z.object({ seq: z.number().int().min(1), uuid, handledAt: z.string().max(40) }).strict())
    .max(1000),
  next: z.number().int().min(0),
});
export type HandledFeed = z.infer<typeof handledFeedSchema>;
