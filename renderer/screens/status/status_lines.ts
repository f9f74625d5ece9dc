import type { StatusCardLookupResult } from '../../../common/contract/status_methods';
import { statusLines } from '../../../common/status/status_lines';
import type { SpeechPart } from '../../speech/speech_output';

const NS = 'status';
/** The hub's own answers; the others are about the ID card (`status.lookup_by_card`). */
const LOOKUP_REASONS: readonly string[] = ['not_found', 'rate_limited', 'offline'];

/**
 * What the visitor is told about one lookup, as catalog parts: shown in large type and spoken in the same
 * order. A found progress is `statusLines` (the printed slip has the same lines); otherwise why there is none,
 * with the centre's phone.
 */
export function statusParts(
  result: StatusCardLookupResult,
  shownTime: (iso: string) => string,
): SpeechPart[] {
  const phone = result.centrePhone || '12348';
  if (!result.ok) {
    if (!LOOKUP_REASONS.includes(result.reason))
      return [{ k: `card.${result.reason}`, ns: NS, values: { phone } }];
    const retry = 'retryAfterSeconds' in result ? result.retryAfterSeconds : undefined;
    const minutes = Math.max(1, Math.ceil((retry ?? 60) / 60));
    return [{ k: result.reason, ns: NS, values: { phone, minutes } }];
  }
  return statusLines(result.status, shownTime).map((line) => ({ ...line, ns: NS }));
}
