import { z } from 'zod';
import { dataIdSchema, localizedTextSchema } from '../content/localized_text';
import { feeReductionSchema } from './fee_rule_schema';
import { MAX_FEN } from './money';

const fen = z.number().int().min(0).max(MAX_FEN);

/**
 * The result of the fee calculator, as the notarization request stores it: amounts in fen, the table
 * version, and the applied rule's wording as the visitor saw it.
 */
export const feeQuoteSchema = z
  .object({
    tableId: dataIdSchema,
    tableVersion: z.string().min(1).max(64),
    matterId: dataIdSchema,
    /** Null when the visitor did not know the standard fee. */
    standardFeeFen: fen.nullable(),
    /** Guaranteed reduction: 100 = free, 0 = none (or left to the office). */
    reductionPercent: z.number().int().min(0).max(100),
    reductionFen: fen.nullable(),
    /** Null only when the standard fee is unknown and the matter is not free. */
    feeToPayFen: fen.nullable(),
    /** True when the office may reduce further ("at least" rules, art. 34 waivers). */
    mayBeLower: z.boolean(),
    applied: z
      .object({
        ruleId: dataIdSchema,
        title: localizedTextSchema(200),
        sourceRef: localizedTextSchema(300),
        sourceText: z.string().min(1).max(2000),
        reduction: feeReductionSchema,
      })
      .strict()
      .nullable(),
    alsoMatched: z.array(dataIdSchema).max(100),
  })
  .strict();
export type FeeQuote = z.infer<typeof feeQuoteSchema>;
