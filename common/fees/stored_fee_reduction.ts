import { z } from 'zod';
import type { LocalizedText } from '../content/localized_text';
import { type FeeQuote, feeQuoteSchema } from './fee_quote_schema';

/**
 * What early builds stored in a draft or submission: `{ruleId, reductionPercent, feeToPay}` with the fee in
 * float yuan. Read (drafts and submissions are kept), never written: new records hold the core's `FeeQuote`.
 */
const legacyFeeReductionSchema = z
  .object({
    ruleId: z.string().min(1).max(64),
    reductionPercent: z.number().min(0).max(100),
    feeToPay: z.number().min(0).max(10_000_000),
  })
  .strict();

/** The fee-reduction slot of a draft or submission: the quote (integer fen), or the legacy yuan record. */
export const storedFeeReductionSchema = z.union([feeQuoteSchema, legacyFeeReductionSchema]);
export type StoredFeeReduction = z.infer<typeof storedFeeReductionSchema>;

/** What a printed application or the desk shows of either record. */
export interface FeeReductionSummary {
  ruleId: string | null;
  /** The rule's title as the visitor saw it; absent in legacy records. */
  ruleTitle: LocalizedText | null;
  reductionPercent: number;
  /** Null when the standard fee was not known. */
  feeToPayFen: number | null;
}

function isQuote(stored: StoredFeeReduction): stored is FeeQuote {
  return 'tableVersion' in stored;
}

export function feeReductionSummary(stored: StoredFeeReduction): FeeReductionSummary {
  if (isQuote(stored)) {
    return {
      ruleId: stored.applied?.ruleId ?? null,
      ruleTitle: stored.applied?.title ?? null,
      reductionPercent: stored.reductionPercent,
      feeToPayFen: stored.feeToPayFen,
    };
  }
  return {
    ruleId: stored.ruleId === 'none' ? null : stored.ruleId,
    ruleTitle: null,
    reductionPercent: stored.reductionPercent,
    // Legacy yuan had at most two decimals; rounding removes the float error (0.1 + 0.2 and the like).
    feeToPayFen: Math.round(stored.feeToPay * 100),
  };
}
