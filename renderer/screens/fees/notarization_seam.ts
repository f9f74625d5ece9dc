import type { FeeQuote } from '../../../common/fees/fee_quote_schema';
import type { Screen } from '../../state/screens';

/**
 * Where "start a notarization request" leads, carrying the fee result. The forms UI owns the notarization
 * request screen; until it exposes one that accepts a `FeeQuote` (stored through
 * `forms.attach_fee_reduction`), this returns null and the calculator hides the button.
 */
export function notarizationRequestScreen(_quote: FeeQuote): Screen | null {
  return null;
}
