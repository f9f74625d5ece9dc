import { z } from 'zod';
import { dataIdSchema, localizedTextSchema } from '../content/localized_text';
import { MAX_FEN } from './money';

export const DISABILITY_LEVELS = [1, 2, 3, 4] as const;
export type DisabilityLevel = (typeof DISABILITY_LEVELS)[number];

const fenSchema = z.number().int().min(0).max(MAX_FEN);

/** Who and what a rule covers. Every present clause must hold; an absent clause does not restrict. */
export const feeConditionSchema = z
  .object({
    /** `not_required`: anyone; `any_level`: holds a disability certificate; `severe`: level in `severeLevels`. */
    disability: z.enum(['not_required', 'any_level', 'severe']),
    /** The required answer to "eligible for legal aid?". */
    legalAidEligible: z.boolean().optional(),
    /** Age in completed years must be greater than this ("超过70周岁" → 70). */
    olderThan: z.number().int().min(0).max(150).optional(),
    /** Only a first application for this matter (e.g. the first will). */
    firstApplication: z.literal(true).optional(),
    /** The estate's value must not exceed this many fen. */
    estateAtMostFen: fenSchema.optional(),
    /** Matters covered: the basic-livelihood list, or matter ids; absent = every matter. */
    matters: z.union([z.literal('livelihood_list'), z.array(dataIdSchema).min(1).max(100)]).optional(),
  })
  .strict();
export type FeeCondition = z.infer<typeof feeConditionSchema>;

export const feeReductionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free') }).strict(),
  /** "不低于 N %": the kiosk promises the configured minimum N; the office may give more. */
  z.object({ kind: z.literal('at_least'), percent: z.number().int().min(1).max(99) }).strict(),
  /** Reduced or waived as the notary office decides (Notarization Law art. 34): nothing is promised. */
  z.object({ kind: z.literal('office_decides') }).strict(),
]);
export type FeeReduction = z.infer<typeof feeReductionSchema>;

export const feeRuleSchema = z
  .object({
    id: dataIdSchema,
    title: localizedTextSchema(200),
    /** Where the rule comes from, e.g. the policy's section; shown to the visitor. */
    sourceRef: localizedTextSchema(300),
    /** The rule's wording in the source (Chinese original). */
    sourceText: z.string().min(1).max(2000),
    when: feeConditionSchema,
    reduction: feeReductionSchema,
  })
  .strict();
export type FeeRule = z.infer<typeof feeRuleSchema>;

export const feeMatterSchema = z
  .object({
    id: dataIdSchema,
    name: localizedTextSchema(200),
    /** On the list of basic livelihood notarization services (关系民生基本公证服务项目清单). */
    livelihoodList: z.boolean(),
  })
  .strict();
export type FeeMatter = z.infer<typeof feeMatterSchema>;

/** A versioned fee-reduction rule table, as shipped in `assets/fees/` or published by the hub. */
export const feeRuleTableSchema = z
  .object({
    format: z.literal('kiosk.fee_rules'),
    formatVersion: z.literal(1),
    id: dataIdSchema,
    version: z.string().min(1).max(64),
    region: localizedTextSchema(200),
    /** What the visitor should know about the table as a whole (e.g. that the office confirms the fee). */
    note: localizedTextSchema(1000),
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** Disability certificate levels that count as severe (重度); configurable, Baotou default 1 and 2. */
    severeLevels: z
      .array(z.union(DISABILITY_LEVELS.map((level) => z.literal(level))))
      .min(1)
      .max(4),
    matters: z.array(feeMatterSchema).min(1).max(200),
    rules: z.array(feeRuleSchema).min(1).max(100),
  })
  .strict()
  .superRefine((table, context) => {
    const matterIds = new Set<string>();
    table.matters.forEach((matter, index) => {
      if (matterIds.has(matter.id))
        context.addIssue({ code: 'custom', path: ['matters', index, 'id'], message: 'duplicate matter id' });
      matterIds.add(matter.id);
    });
    const ruleIds = new Set<string>();
    table.rules.forEach((rule, index) => {
      if (ruleIds.has(rule.id))
        context.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: 'duplicate rule id' });
      ruleIds.add(rule.id);
      const matters = rule.when.matters;
      if (Array.isArray(matters)) {
        matters.forEach((id, position) => {
          if (!matterIds.has(id))
            context.addIssue({
              code: 'custom',
              path: ['rules', index, 'when', 'matters', position],
              message: `unknown matter ${id}`,
            });
        });
      }
    });
  });
export type FeeRuleTable = z.infer<typeof feeRuleTableSchema>;
