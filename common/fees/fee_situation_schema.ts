import { z } from 'zod';
import { dataIdSchema } from '../content/localized_text';
import type { FeeSituation } from './fee_engine';
import { DISABILITY_LEVELS } from './fee_rule_schema';
import { MAX_FEN } from './money';

const fen = z.number().int().min(0).max(MAX_FEN);

/**
 * The visitor's answers to the fee calculator, as they cross the RPC boundary (e.g. to print the result: the
 * core recomputes the quote from these with its own rule table, so no amount is taken from the screen).
 */
export const feeSituationSchema = z
  .object({
    matterId: dataIdSchema,
    disabilityLevel: z
      .union(DISABILITY_LEVELS.map((level) => z.literal(level)))
      .nullable()
      .optional(),
    age: z.number().int().min(0).max(150).optional(),
    legalAidEligible: z.boolean().optional(),
    firstApplication: z.boolean().optional(),
    estateValueFen: fen.optional(),
    standardFeeFen: fen.nullable().optional(),
  })
  .strict() satisfies z.ZodType<FeeSituation>;
