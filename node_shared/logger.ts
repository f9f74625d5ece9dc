/**
 * Operational log lines (JSON, one per line). Callers pass identifiers and counts only — never personal
 * data; `redactDetail` enforces that for string values that look like ID numbers or phone numbers.
 */
export interface Logger {
  info(event: string, detail?: Record<string, unknown>): void;
  warn(event: string, detail?: Record<string, unknown>): void;
  error(event: string, detail?: Record<string, unknown>): void;
}

const LONG_DIGIT_RUN = /\d{6,}[\dXx]?/g;

export function redactDetail(detail: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) {
    out[key] = typeof value === 'string' ? value.slice(0, 200).replace(LONG_DIGIT_RUN, '[digits]') : value;
  }
  return out;
}

export function createLogger(
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  const log =
    (level: string) =>
    (event: string, detail: Record<string, unknown> = {}) =>
      write(JSON.stringify({ at: new Date().toISOString(), level, event, ...redactDetail(detail) }));
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that keeps lines in memory, for tests and the technician screen. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, ...createLogger((line) => lines.push(line)) };
}
