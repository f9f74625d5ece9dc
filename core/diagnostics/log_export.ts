import fs from 'node:fs';
import path from 'node:path';
import { redactDetail } from '../../node_shared/logger';
import type { AuditLog } from '../audit_log';

export type ExportOutcome =
  | { ok: true; folder: string; files: string[] }
  | { ok: false; reason: 'not_absolute' | 'not_a_folder' | 'write_failed' };

export interface ExportSources {
  audit: AuditLog;
  /** The app's JSON-lines log files (`<dataDir>/logs/*.log`), if the shell writes any. */
  logsDir: string;
  /** A snapshot of the diagnostics (versions, counts, redacted config), written as `diagnostics.json`. */
  snapshot: Record<string, unknown>;
  terminalId: string;
  now: Date;
}

const MAX_LOG_LINES = 20_000;

/** One exported log line: our JSON lines only, re-redacted; anything else (free text) is dropped. */
function cleanLine(line: string): string | null {
  if (line.length > 4000) return null;
  try {
    const parsed = JSON.parse(line) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    return JSON.stringify(redactDetail(parsed as Record<string, unknown>));
  } catch {
    return null;
  }
}

/**
 * Exports logs to a technician-chosen folder (e.g. a USB stick): a new sub-folder per export with the
 * audit trail (identifiers only), the redacted app logs and a diagnostics snapshot. Never a form payload,
 * a draft or the hub token.
 */
export function exportLogs(target: string, sources: ExportSources): ExportOutcome {
  if (!path.isAbsolute(target) || target.includes('\0')) return { ok: false, reason: 'not_absolute' };
  try {
    if (!fs.statSync(target).isDirectory()) return { ok: false, reason: 'not_a_folder' };
  } catch {
    return { ok: false, reason: 'not_a_folder' };
  }
  const stamp = sources.now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const folder = path.join(target, `kiosk-logs-${sources.terminalId}-${stamp}`);
  const files: string[] = [];
  try {
    fs.mkdirSync(folder);
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(folder, name), text, { flag: 'wx' });
      files.push(name);
    };
    write('diagnostics.json', `${JSON.stringify(sources.snapshot, null, 2)}\n`);
    write(
      'audit.jsonl',
      sources.audit
        .latest(MAX_LOG_LINES)
        .map((entry) => JSON.stringify(entry))
        .join('\n'),
    );
    const logFiles = fs.existsSync(sources.logsDir)
      ? fs.readdirSync(sources.logsDir).filter((name) => /^[A-Za-z0-9._-]+\.log$/.test(name))
      : [];
    for (const name of logFiles) {
      const lines = fs
        .readFileSync(path.join(sources.logsDir, name), 'utf8')
        .split('\n')
        .slice(-MAX_LOG_LINES);
      write(
        name,
        lines
          .map(cleanLine)
          .filter((line) => line !== null)
          .join('\n'),
      );
    }
  } catch {
    return { ok: false, reason: 'write_failed' };
  }
  return { ok: true, folder, files };
}
