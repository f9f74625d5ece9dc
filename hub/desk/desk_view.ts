import { z } from 'zod';
import { type StoredFeeReduction, storedFeeReductionSchema } from '../../common/fees/stored_fee_reduction';
import type { AnswerValue } from '../../common/forms/answers';
import type { StoredSubmission } from '../../common/sync/protocol';
import type { HubStore } from '../storage/hub_store';

/** What the desk page lists: the stored submission with its answers parsed and its handled mark. */
export interface DeskRow {
  submission: StoredSubmission;
  answers: Record<string, AnswerValue>;
  feeReduction: StoredFeeReduction | null;
  /** Steps the kiosk filled from the applicant's ID card (marked on the printed application). */
  fromIdCard: string[];
  handledAt: string | null;
}

export const deskFilterSchema = z
  .object({
    date: z
      .string()
      .regex(/^(\d{4}-\d{2}-\d{2})?$/)
      .default(''),
    service: z
      .string()
      .max(64)
      .regex(/^[a-z0-9_]*$/)
      .default(''),
    priority: z.enum(['', 'yes', 'no']).default(''),
    state: z.enum(['', 'open', 'handled']).default(''),
    lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
  })
  .strict();
export type DeskFilter = z.infer<typeof deskFilterSchema>;

const PAGE = 1000;
/** The desk page reads at most this many submissions of a centre (newest shown first). */
const MAX_ROWS = 20_000;

const payloadSchema = z.looseObject({
  answers: z.record(z.string(), z.unknown()),
  // Checked on its own: an unreadable fee record must not hide the answers.
  feeReduction: z.unknown(),
  fromIdCard: z.unknown().optional(),
});

const stepIdsSchema = z.array(z.string().max(64)).max(100);

/** `YYYY-MM-DD` of an instant in the hub's time zone (the centre's local day). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function parseRow(submission: StoredSubmission, handled: ReadonlyMap<string, string>): DeskRow {
  const parsed = payloadSchema.safeParse(safeJson(submission.payload));
  return {
    submission,
    answers: parsed.success ? (parsed.data.answers as Record<string, AnswerValue>) : {},
    feeReduction: parsed.success
      ? (storedFeeReductionSchema.safeParse(parsed.data.feeReduction).data ?? null)
      : null,
    fromIdCard: parsed.success ? (stepIdsSchema.safeParse(parsed.data.fromIdCard).data ?? []) : [],
    handledAt: handled.get(submission.uuid) ?? null,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Every submission a principal may see (its centre, or all for an unbound token), newest first. */
export function visibleSubmissions(store: HubStore, centre: string | null): StoredSubmission[] {
  const rows: StoredSubmission[] = [];
  let since = 0;
  while (rows.length < MAX_ROWS) {
    const page = store.listSubmissions({ since, limit: PAGE, ...(centre !== null ? { centre } : {}) });
    rows.push(...page);
    if (page.length < PAGE) break;
    since = page.at(-1)!.seq;
  }
  return rows.reverse();
}

export function applyFilter(rows: readonly DeskRow[], filter: DeskFilter): DeskRow[] {
  return rows.filter(
    (row) =>
      (!filter.date || localDay(row.submission.createdAt) === filter.date) &&
      (!filter.service || row.submission.templateId === filter.service) &&
      (!filter.priority || (row.submission.priority === 1) === (filter.priority === 'yes')) &&
      (!filter.state || (row.handledAt !== null) === (filter.state === 'handled')),
  );
}
