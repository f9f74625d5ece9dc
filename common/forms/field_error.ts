import { z } from 'zod';

/**
 * A validation error as a value: a catalog key in the `forms` namespace (e.g. `errors.resident_id.check_digit`)
 * and its parameters. The UI shows it next to the field and speaks it; the text says how to fix the answer.
 */
export const fieldErrorSchema = z.object({
  key: z.string().max(100),
  params: z.record(z.string().max(64), z.union([z.string().max(200), z.number()])),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export function fieldError(key: string, params: Record<string, string | number> = {}): FieldError {
  return { key: `errors.${key}`, params };
}
