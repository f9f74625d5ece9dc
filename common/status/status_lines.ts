import type { ReviewStatus } from './review_states';

/** One line of a found progress: a key of the `status` catalog and the values it takes. */
export interface StatusLine {
  k: string;
  values?: Record<string, string>;
}

/**
 * What the visitor is told about a found progress, in order: which receipt, the state, what to do next,
 * the details, the staff note, how to object, when it was set. The screen shows and speaks these lines and
 * the printed slip prints them. Staff write the details and the note for the visitor (never personal data).
 */
export function statusLines(status: ReviewStatus, shownTime: (iso: string) => string): StatusLine[] {
  const { details } = status;
  const lines: StatusLine[] = [
    { k: 'state_line', values: { receiptNo: status.receiptNo } },
    { k: `states.${status.state}` },
    { k: `next.${status.state}` },
  ];
  if (details.documents) lines.push({ k: 'documents', values: { documents: details.documents } });
  if (details.firmName)
    lines.push({ k: 'firm', values: { name: details.firmName, phone: details.firmPhone ?? '' } });
  if (details.reason) lines.push({ k: 'reason', values: { reason: details.reason } });
  if (status.note) lines.push({ k: 'note', values: { note: status.note } });
  if (status.state === 'refused') lines.push({ k: 'objection' });
  lines.push({ k: 'since', values: { time: shownTime(status.since) } });
  return lines;
}
