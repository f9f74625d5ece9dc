import type { StatusLookupResult } from '../../../common/contract/status_methods';
import type { SpeechPart } from '../../speech/speech_output';

const NS = 'status';

/**
 * What the visitor is told about one lookup, as catalog parts: shown in large type and spoken in the same
 * order (state, what to do next, the details, the staff note, how to object, when it was set). Staff write
 * the details and the note for the visitor (never personal data), so they may be said and logged.
 */
export function statusParts(result: StatusLookupResult, shownTime: (iso: string) => string): SpeechPart[] {
  const phone = result.centrePhone || '12348';
  if (!result.ok) {
    const minutes = Math.max(1, Math.ceil((result.retryAfterSeconds ?? 60) / 60));
    return [{ k: result.reason, ns: NS, values: { phone, minutes } }];
  }
  const { status } = result;
  const { details } = status;
  const parts: SpeechPart[] = [
    { k: 'state_line', ns: NS, values: { receiptNo: status.receiptNo } },
    { k: `states.${status.state}`, ns: NS },
    { k: `next.${status.state}`, ns: NS },
  ];
  if (details.documents) parts.push({ k: 'documents', ns: NS, values: { documents: details.documents } });
  if (details.firmName)
    parts.push({ k: 'firm', ns: NS, values: { name: details.firmName, phone: details.firmPhone ?? '' } });
  if (details.reason) parts.push({ k: 'reason', ns: NS, values: { reason: details.reason } });
  if (status.note) parts.push({ k: 'note', ns: NS, values: { note: status.note } });
  if (status.state === 'refused') parts.push({ k: 'objection', ns: NS });
  parts.push({ k: 'since', ns: NS, values: { time: shownTime(status.since) } });
  return parts;
}
