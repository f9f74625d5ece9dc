import type { Field, FieldType } from './template_schema';

const PERSONAL_TYPES: ReadonlySet<FieldType> = new Set(['phone', 'resident_id', 'disability_cert']);

/**
 * Whether a field holds personal numbers (phone, resident ID, disability certificate): the one place that
 * decides it. The on-screen keyboard marks such a field private (its value is never read aloud, the typing
 * status says only how many characters), and the review reads it as "filled in".
 */
export function isPersonalField(field: Pick<Field, 'type'>): boolean {
  return PERSONAL_TYPES.has(field.type);
}
