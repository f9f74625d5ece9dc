import { z } from 'zod';

/**
 * One answer as stored: text-like fields and single choices are strings (dates `YYYY-MM-DD`), numbers are
 * numbers, yes/no is a boolean, multiple choice is a list of option values.
 */
export const answerValueSchema = z.union([
  z.string().max(20_000),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(64)).max(50),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;
export type Answers = Readonly<Record<string, AnswerValue>>;
