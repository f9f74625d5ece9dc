import { localToday } from '../../common/forms/validators/dates';

/**
 * The short code of a terminal inside receipt numbers: the last four letters or digits of its id,
 * upper-case (`bt-kdq-0012` → `0012`).
 */
export function terminalCode(terminalId: string): string {
  const alnum = terminalId.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return alnum.slice(-4) || 'TERM';
}

/** `BT-<terminal>-<YYMMDD>-` for the kiosk's local day; the sequence number follows. */
export function receiptPrefix(terminalId: string, now: Date): string {
  const day = localToday(now).replace(/-/g, '').slice(2);
  return `BT-${terminalCode(terminalId)}-${day}-`;
}

/** `BT-0012-261128-007`: speakable, unique per terminal and day (the table enforces uniqueness). */
export function receiptNumber(prefix: string, sequence: number): string {
  return `${prefix}${String(sequence).padStart(3, '0')}`;
}
