import { err, ok, type Result } from '../../result';
import { type FieldError, fieldError } from '../field_error';

export type PhoneKind = 'mobile' | 'landline';
export interface Phone {
  kind: PhoneKind;
  /** Digits of a mobile number, or `0472-1234567` / `0472-1234567-123` for a landline. */
  normalized: string;
}

const MOBILE = /^1[3-9]\d{9}$/;
/** Area code (010, 02x, or 0 + three digits not starting with 0–2), 7–8 digit number, optional extension. */
const LANDLINE = /^(010|02\d|0[3-9]\d{2})([2-9]\d{6,7})(?:(?:转|ext\.?|x|#)(\d{1,6}))?$/i;

export const EXAMPLE_MOBILE = '13800000000';
export const EXAMPLE_LANDLINE = '0472-5123456';

/** Mobile (1[3-9] + 9 digits, optional +86) or landline with area code and optional extension. */
export function validatePhone(text: string, accept: PhoneKind | 'any'): Result<Phone, FieldError> {
  const compact = text.replace(/[\s()（）]/g, '');
  const mobile = compact.replace(/^(\+86|0086)/, '').replace(/-/g, '');
  if (accept !== 'landline' && MOBILE.test(mobile)) return ok({ kind: 'mobile', normalized: mobile });
  // A dash before an extension: 0472-5123456-123 → 04725123456转123
  const landlineText = compact.replace(/^(\d{3,4})-(\d{7,8})-(\d{1,6})$/, '$1$2转$3').replace(/-/g, '');
  const landline = LANDLINE.exec(landlineText);
  if (accept !== 'mobile' && landline) {
    const [, area, local, extension] = landline;
    return ok({ kind: 'landline', normalized: `${area}-${local}${extension ? `-${extension}` : ''}` });
  }
  const examples = { mobile: EXAMPLE_MOBILE, landline: EXAMPLE_LANDLINE };
  if (accept === 'mobile') return err(fieldError('phone.mobile', examples));
  if (accept === 'landline') return err(fieldError('phone.landline', examples));
  return err(fieldError('phone.any', examples));
}
