import { err, ok, type Result } from '../../result';
import { type FieldError, fieldError } from '../field_error';
import { PATTERNS, type PatternId } from '../patterns';

export interface TextRule {
  minLength?: number | undefined;
  maxLength: number;
  multiline: boolean;
  pattern?: PatternId | undefined;
}

// Control characters (newline and tab only in multi-line text), bidirectional overrides that can disguise
// text on the printout, and lone surrogates (broken UTF-16) are refused rather than silently stored.
function isRefusedCodePoint(code: number, multiline: boolean): boolean {
  if (code === 0x0a || code === 0x09) return !multiline;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

function hasRefusedCharacter(text: string, multiline: boolean): boolean {
  for (const char of text) if (isRefusedCodePoint(char.codePointAt(0)!, multiline)) return true;
  return false;
}
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Length as the visitor sees it: characters (code points), not UTF-16 units. */
export function textLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Checks free text: trimmed, NFC, `\r\n` → `\n`; no control characters; length in characters within the
 * rule. Markup such as `<script>` is stored as plain text — every output escapes it.
 */
export function validateText(input: string, rule: TextRule): Result<string, FieldError> {
  if (LONE_SURROGATE.test(input)) return err(fieldError('text.invalid_characters'));
  const text = input.replace(/\r\n?/g, '\n').normalize('NFC').trim();
  if (hasRefusedCharacter(text, rule.multiline)) return err(fieldError('text.control_characters'));
  const length = textLength(text);
  if (length > rule.maxLength) return err(fieldError('text.too_long', { max: rule.maxLength, length }));
  if (rule.minLength !== undefined && length < rule.minLength)
    return err(fieldError('text.too_short', { min: rule.minLength }));
  if (rule.pattern && text.length > 0 && !PATTERNS[rule.pattern].test(text))
    return err(fieldError(`pattern.${rule.pattern}`));
  return ok(text);
}
