import type { Step } from './template_schema';

/** Field types whose answers are personal numbers: never spoken unasked, never in logs, masked on screen. */
const PERSONAL_TYPES: ReadonlySet<Step['field']['type']> = new Set([
  'phone',
  'resident_id',
  'disability_cert',
]);

/**
 * Whether a step's answer is a personal number (ID number, disability certificate number, phone). The one
 * decision the keyboard, the review screen, speech and logs share.
 */
export function isPersonalField(step: Pick<Step, 'field'>): boolean {
  return PERSONAL_TYPES.has(step.field.type);
}
