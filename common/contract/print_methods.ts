import { z } from 'zod';
import { feeSituationSchema } from '../fees/fee_situation_schema';
import { LANGUAGES } from '../languages';
import { visitorMethod } from './define';

/** Why a print did not happen. The UI shows it in large text and speaks it ("ask the front desk"). */
export const PRINT_ERRORS = ['out_of_paper', 'offline', 'failed', 'no_printer'] as const;
export type PrintErrorReason = (typeof PRINT_ERRORS)[number];

const printResult = z.union([
  z.object({ ok: z.literal(true), jobId: z.string() }),
  z.object({ ok: z.literal(false), reason: z.enum([...PRINT_ERRORS, 'not_found']) }),
]);

const language = z.enum(LANGUAGES).default('zh-CN');

/** Free-standing documents (no submission behind them): the engine may refuse the situation it was given. */
const documentResult = z.union([
  z.object({ ok: z.literal(true), jobId: z.string() }),
  z.object({ ok: z.literal(false), reason: z.enum([...PRINT_ERRORS, 'invalid_input']) }),
]);

export const printMethods = {
  /** The large-print receipt of a submission (receipt number, what was filed, next steps, QR code). */
  'print.receipt': visitorMethod(z.object({ uuid: z.string().uuid(), language }).strict(), printResult),
  /** The prefilled A4 application, laid out like the paper form (staff and visitor). */
  'print.application': visitorMethod(z.object({ uuid: z.string().uuid(), language }).strict(), printResult),
  /** A slip with the retrieval code of a kept draft. */
  'print.retrieval_code': visitorMethod(
    z.object({ draftId: z.string().uuid(), language }).strict(),
    printResult,
  ),
  /**
   * The fee calculator's result. Takes the visitor's answers, never an amount: the core recomputes the quote
   * with its own rule table and the pure engine.
   */
  'print.fee_result': visitorMethod(
    z.object({ situation: feeSituationSchema, language }).strict(),
    documentResult,
  ),
  /** The legal-aid guide's "what to bring" checklist, from the published content. */
  'print.checklist': visitorMethod(z.object({ language }).strict(), documentResult),
  /**
   * The progress the visitor at the screen looked up last ("查询进度"): the core prints what the hub said in
   * this session, never a status the page sends; `not_found` when nothing was found in this session.
   */
  'print.status_slip': visitorMethod(z.object({ language }).strict(), printResult),
} as const;
