import { z } from 'zod';
import { type StoredFeeReduction, storedFeeReductionSchema } from '../../common/fees/stored_fee_reduction';
import type { AnswerValue } from '../../common/forms/answers';
import type { StoredSubmission } from '../../common/sync/protocol';
import { HUB_LANGUAGES } from '../hub_text';
import type { DeskEntry, DeskQuery } from '../storage/hub_store';

/** What the desk page shows of one application: the stored submission with its answers parsed. */
export interface DeskRow {
  submission: StoredSubmission;
  answers: Record<string, AnswerValue>;
  feeReduction: StoredFeeReduction | null;
  /** Steps the kiosk filled from the applicant's ID card (marked on the printed application). */
  fromIdCard: string[];
  handledAt: string | null;
  /** Set once the retention purge deleted the answers. */
  purgedAt: string | null;
}

/** Rows per desk page; older ones are one "older applications" link away (keyset, never hidden). */
export const DESK_PAGE_SIZE = 50;

/** The desk list's query string: filters (all applied in SQL), the page cursor and the page language. */
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
    terminal: z
      .string()
      .max(64)
      .regex(/^([A-Za-z0-9][A-Za-z0-9._-]*)?$/)
      .default(''),
    priority: z.enum(['', 'yes', 'no']).default(''),
    state: z.enum(['', 'open', 'handled']).default(''),
    before: z
      .string()
      .regex(/^([1-9]\d{0,15})?$/)
      .default(''),
    lang: z.enum(HUB_LANGUAGES).default('zh-CN'),
  })
  .strict();
export type DeskFilter = z.infer<typeof deskFilterSchema>;

const payloadSchema = z.looseObject({
  answers: z.record(z.string(), z.unknown()),
  // Checked on its own: an unreadable fee record must not hide the answers.
  feeReduction: z.unknown(),
  fromIdCard: z.unknown().optional(),
});

const stepIdsSchema = z.array(z.string().max(64)).max(100);

/** The instants bounding a `YYYY-MM-DD` day in the hub's time zone (the centre's local day). */
function localDayRange(day: string): { from: number; before: number } {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return {
    from: new Date(year, month - 1, date).getTime(),
    before: new Date(year, month - 1, date + 1).getTime(),
  };
}

/** The store query of a desk filter, for the centres a principal may see (null: all). */
export function deskQuery(filter: DeskFilter, centres: readonly string[] | null): DeskQuery {
  const day = filter.date ? localDayRange(filter.date) : null;
  return {
    centres,
    state: filter.state || undefined,
    priority: filter.priority ? filter.priority === 'yes' : undefined,
    templateId: filter.service || undefined,
    terminalId: filter.terminal || undefined,
    createdFrom: day?.from,
    createdBefore: day?.before,
    before: filter.before ? Number(filter.before) : undefined,
    limit: DESK_PAGE_SIZE,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function parseRow(entry: DeskEntry): DeskRow {
  const parsed = payloadSchema.safeParse(safeJson(entry.submission.payload));
  return {
    submission: entry.submission,
    answers: parsed.success ? (parsed.data.answers as Record<string, AnswerValue>) : {},
    feeReduction: parsed.success
      ? (storedFeeReductionSchema.safeParse(parsed.data.feeReduction).data ?? null)
      : null,
    fromIdCard: parsed.success ? (stepIdsSchema.safeParse(parsed.data.fromIdCard).data ?? []) : [],
    handledAt: entry.state === 'handled' ? entry.stateAt : null,
    purgedAt: entry.purgedAt,
  };
}

/** Whether a principal bound to `centres` (null: all) may see an application of `centre`. */
export function maySee(centres: readonly string[] | null, centre: string): boolean {
  return centres === null || centres.includes(centre);
}
