/** What the OS says about a printer, as far as the kiosk can act on it. */
export type PrinterCondition = 'ready' | 'out_of_paper' | 'offline' | 'unknown';

/** Electron's PrinterInfo, the fields read here. */
export interface PrinterInfoLike {
  name: string;
  options?: Record<string, string> | undefined;
}

const OUT_OF_PAPER = ['media-empty', 'media-needed', 'media-jam'];
const OFFLINE = ['offline', 'paused', 'shutdown', 'stopped', 'connecting-to-device'];

/**
 * CUPS (Linux) reports `printer-state` (3 idle, 4 processing, 5 stopped) and `printer-state-reasons`
 * (`media-empty-error`, `offline-report`, …). Windows drivers report nothing Electron 45 exposes, so
 * their printers are `unknown` and a failed job is the only signal.
 */
export function printerCondition(info: PrinterInfoLike): PrinterCondition {
  const options = info.options ?? {};
  const reasons = (options['printer-state-reasons'] ?? '')
    .toLowerCase()
    .split(/[,\s]+/)
    .filter(Boolean);
  if (reasons.some((reason) => OUT_OF_PAPER.some((prefix) => reason.startsWith(prefix))))
    return 'out_of_paper';
  if (reasons.some((reason) => OFFLINE.some((prefix) => reason.startsWith(prefix)))) return 'offline';
  const state = options['printer-state'];
  if (state === '5') return 'offline';
  if (state === '3' || state === '4') return 'ready';
  return 'unknown';
}
