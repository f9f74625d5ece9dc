import type { TFunction } from 'i18next';
import type { StatusLookupResult } from '../../../common/contract/status_methods';

/**
 * What the visitor is told about one lookup, as lines of text in the screen's language: shown in large
 * type and spoken in the same order (state, what to do next, the details, the staff note, how to object).
 */
export function statusLines(
  t: TFunction,
  result: StatusLookupResult,
  shownTime: (iso: string) => string,
): string[] {
  const phone = result.centrePhone || '12348';
  if (!result.ok) {
    const minutes = Math.max(1, Math.ceil((result.retryAfterSeconds ?? 60) / 60));
    return [t(result.reason, { phone, minutes })];
  }
  const { status } = result;
  const { details } = status;
  const lines = [
    t('state_line', { receiptNo: status.receiptNo, state: t(`states.${status.state}`) }),
    t(`next.${status.state}`),
  ];
  if (details.documents) lines.push(t('documents', { documents: details.documents }));
  if (details.firmName) lines.push(t('firm', { name: details.firmName, phone: details.firmPhone ?? '' }));
  if (details.reason) lines.push(t('reason', { reason: details.reason }));
  if (status.note) lines.push(t('note', { note: status.note }));
  if (status.state === 'refused') lines.push(t('objection'));
  lines.push(t('since', { time: shownTime(status.since) }));
  return lines;
}
