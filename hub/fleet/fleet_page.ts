import type { TFunction } from 'i18next';
import { type HubLanguage, hubText } from '../hub_text';
import type { FleetRow } from './fleet_view';

function updateText(update: FleetRow['update'], t: TFunction<'hub'>): string {
  if (!update || update.status === 'none') return t('fleet.updateNone');
  if (update.status === 'updated') return t('fleet.updated', { version: update.version });
  return t('fleet.updateFailed', { attempted: update.attemptedVersion, running: update.runningVersion });
}

/** A refused update is flagged in words (the reason), after the last update's outcome. */
function refusalText(refusal: FleetRow['updateRefusal'], t: TFunction<'hub'>): string {
  if (!refusal) return '';
  const text = t('fleet.updateRefused', {
    reason: t(`fleet.refusals.${refusal.reason}`),
    at: shownTime(refusal.at, t('fleet.never')),
  });
  return `<br><span class="flag">${escapeHtml(text)}</span>`;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** UTC, minute precision, readable without locale surprises. */
function shownTime(iso: string | null, never: string): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : never;
}

const STYLE = `
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;font-size:1.125rem;line-height:1.5;margin:1.5rem;color:#1a1a1a;background:#fff}
table{border-collapse:collapse;inline-size:100%}
caption{text-align:start;font-weight:600;margin-block-end:.5rem}
th,td{border:1px solid #555;padding:.4rem .6rem;text-align:start;vertical-align:top}
thead th{background:#e8e8e8}
tr.stale th,tr.stale td{background:#fff0f0}
.flag{font-weight:700;color:#8a0000}
`;

/** The fleet page: a plain, accessible HTML table (caption, header cells, words — not colour — for state). */
export function renderFleetPage(rows: readonly FleetRow[], language: HubLanguage, now: Date): string {
  const t = hubText(language);
  const staleCount = rows.filter((row) => row.stale).length;
  const status = (value: string) => escapeHtml(t(`fleet.status.${value}`, { defaultValue: value }));
  const never = t('fleet.never');
  const body = rows
    .map(
      (row) => `<tr${row.stale ? ' class="stale"' : ''}>
<th scope="row">${escapeHtml(row.terminalId)}</th>
<td>${row.stale ? `<span class="flag">${escapeHtml(t('fleet.stale'))}</span>` : escapeHtml(t('fleet.fresh'))}</td>
<td>${escapeHtml(shownTime(row.lastHeartbeatAt, never))}</td>
<td>${escapeHtml(row.appVersion)}</td>
<td>${row.queuePending}</td>
<td>${row.queueProblems}</td>
<td>${escapeHtml(shownTime(row.lastSyncAt, never))}</td>
<td>${status(row.printer)}</td>
<td>${status(row.speech)}</td>
<td>${row.idCardReader === null ? escapeHtml(t('fleet.noReader')) : status(row.idCardReader)}</td>
<td>${row.update?.status === 'update_failed' ? `<span class="flag">${escapeHtml(updateText(row.update, t))}</span>` : escapeHtml(updateText(row.update, t))}${refusalText(row.updateRefusal, t)}</td>
</tr>`,
    )
    .join('\n');
  const headers = [
    'terminal',
    'state',
    'lastHeartbeat',
    'version',
    'queue',
    'problems',
    'lastSync',
    'printer',
    'speech',
    'idCardReader',
    'update',
  ]
    .map((key) => `<th scope="col">${escapeHtml(t(`fleet.${key}`))}</th>`)
    .join('');
  const table =
    rows.length === 0
      ? `<p>${escapeHtml(t('fleet.none'))}</p>`
      : `<table><caption>${escapeHtml(t('fleet.caption'))}</caption><thead><tr>${headers}</tr></thead><tbody>\n${body}\n</tbody></table>`;
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t('fleet.title'))}</title><style>${STYLE}</style></head>
<body><main>
<h1>${escapeHtml(t('fleet.title'))}</h1>
<p>${escapeHtml(t('fleet.summary', { total: rows.length, stale: staleCount }))}</p>
${table}
<p>${escapeHtml(t('fleet.generatedAt'))}: ${escapeHtml(shownTime(now.toISOString(), never))}</p>
</main></body></html>
`;
}
