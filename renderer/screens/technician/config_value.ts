import type { ConfigEditValue, EditableConfigField } from '../../../common/contract/technician_methods';

const NUMBER_FIELDS: ReadonlySet<EditableConfigField> = new Set([
  'screen.diagonalInches',
  'screen.widthPx',
  'screen.heightPx',
  'session.idleSeconds',
  'session.warningSeconds',
]);

/**
 * Turns what the technician typed into the JSON value of a field: numbers for sizes and times, true/false
 * for switches, a comma-separated list for languages. Text that does not convert is sent as text, so the
 * core's validation names the field and says what is wrong (one place decides, the core).
 */
export function configValueOf(field: EditableConfigField, typed: string): ConfigEditValue {
  const text = typed.trim();
  if (NUMBER_FIELDS.has(field)) return text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
  if (field === 'speech.onByDefault') return text === 'true' ? true : text === 'false' ? false : text;
  if (field === 'languages') return text.split(/[,，\s]+/).filter((part) => part !== '');
  return typed;
}
