import type { StatusLookupResult } from '../../../common/contract/status_methods';
import { statusLines } from '../../../common/status/status_lines';
import type { SpeechPart } from '../../speech/speech_output';

const NS = 'status';

/**
 * What the visitor is told about one lookup, as catalog parts: shown in large type and spoken in the same
 * order. A found progress is `statusLines` (the printed slip has the same lines); otherwise why there is none,
 * with the centre's phone.
 */
export function statusParts(result: StatusLookupResult, shownTime: (iso: string) => string): SpeechPart[] {
  const phone = result.centrePhone || '12348';
  if (!result.ok) {
    const minutes = Math.max(1, Math.ceil((result.retryAfterSeconds ?? 60) / 60));
    return [{ k: result.reason, ns: NS, values: { phone, minutes } }];
  }
  return statusLines(result.status, shownTime).map((line) => ({ ...line, ns: NS }));
}
