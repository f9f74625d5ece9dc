import { pickText } from '../../common/content/pick_text';
import type { Template } from '../../common/forms/template_schema';
import { html, type SafeHtml } from '../../common/print/html';
import { type HubLanguage, hubText } from '../hub_text';
import type { DeskFilter, DeskRow } from './desk_view';

export const DESK_CSS = `
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;font-size:1.125rem;line-height:1.5;margin:1.5rem;color:#1a1a1a;background:#fff}
a{color:#0b4f9c}
a:focus,button:focus,select:focus,input:focus{outline:3px solid #b35900;outline-offset:2px}
form.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end;margin-block:1rem}
label{display:block;font-weight:600}
select,input,button{font-size:1rem;min-block-size:2.75rem;padding-inline:.5rem}
button{background:#0b4f9c;color:#fff;border:0;border-radius:.3rem;padding-inline:1rem}
table{border-collapse:collapse;inline-size:100%}
caption{text-align:start;font-weight:600;margin-block-end:.5rem}
th,td{border:1px solid #555;padding:.4rem .6rem;text-align:start;vertical-align:top}
thead th{background:#e8e8e8}
.flag{font-weight:700;color:#8a0000}
dl{display:grid;grid-template-columns:minmax(8rem,1fr) 3fr;gap:.3rem 1rem}
dt{font-weight:600} dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.actions,nav.pages ul{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin-block:1rem;padding:0;list-style:none}
nav.pages a{display:inline-block;min-block-size:2.75rem;line-height:2.75rem}
`;

function page(language: HubLanguage, title: string, body: SafeHtml): string {
  return `<!doctype html>${html`<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="stylesheet" href="/desk/desk.css"></head><body><main>${body}</main></body></html>`}`;
}

export function shownTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function option(value: string, label: string, selected: string): SafeHtml {
  return value === selected
    ? html`<option value="${value}" selected>${label}</option>`
    : html`<option value="${value}">${label}</option>`;
}

/** The query string of the list with these filters (and `before`, the page cursor, when given). */
function listQuery(filter: DeskFilter, before: number | null): string {
  const params = new URLSearchParams();
  for (const key of ['date', 'service', 'terminal', 'priority', 'state'] as const)
    if (filter[key]) params.set(key, filter[key]);
  if (before !== null) params.set('before', String(before));
  if (filter.lang !== 'zh-CN') params.set('lang', filter.lang);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function langQuery(language: HubLanguage): string {
  return language === 'zh-CN' ? '' : `?lang=${language}`;
}

/**
 * The list: filters (a plain GET form), then one page of applications, newest first, as a table with a
 * caption and header cells (state in words), then links to older applications and back to the newest.
 */
export function renderDeskList(
  rows: readonly DeskRow[],
  filter: DeskFilter,
  services: readonly { id: string; title: string }[],
  next: number | null,
): string {
  const t = hubText(filter.lang);
  const s = (key: string) => t(`desk.${key}`);
  const body = rows.map((row) => {
    const sub = row.submission;
    const title = services.find((service) => service.id === sub.templateId)?.title ?? sub.templateId;
    return html`<tr><th scope="row"><a href="/desk/s/${sub.uuid}${langQuery(filter.lang)}">${sub.receiptNo}</a></th><td>${shownTime(sub.createdAt)}</td><td>${sub.terminalId}</td><td>${title}</td><td>${sub.priority === 1 ? html`<span class="flag">${s('yes')}</span>` : s('no')}</td><td>${row.handledAt ? t('desk.handledAt', { time: shownTime(row.handledAt) }) : s('open')}</td></tr>`;
  });
  const pages = [
    ...(filter.before ? [html`<li><a href="/desk${listQuery(filter, null)}">${s('newest')}</a></li>`] : []),
    ...(next !== null ? [html`<li><a href="/desk${listQuery(filter, next)}">${s('older')}</a></li>`] : []),
  ];
  const content = html`<h1>${s('title')}</h1><p>${s('intro')}</p>
<form class="filters" method="get" action="/desk" aria-label="${s('filters')}">
<input type="hidden" name="lang" value="${filter.lang}">
<div><label for="f-date">${s('date')}</label><input id="f-date" name="date" type="date" value="${filter.date}"></div>
<div><label for="f-service">${s('service')}</label><select id="f-service" name="service">${option('', s('any'), filter.service)}${services.map((service) => option(service.id, service.title, filter.service))}</select></div>
<div><label for="f-terminal">${s('terminal')}</label><input id="f-terminal" name="terminal" type="text" maxlength="64" value="${filter.terminal}"></div>
<div><label for="f-priority">${s('priority')}</label><select id="f-priority" name="priority">${option('', s('any'), filter.priority)}${option('yes', s('yes'), filter.priority)}${option('no', s('no'), filter.priority)}</select></div>
<div><label for="f-state">${s('state')}</label><select id="f-state" name="state">${option('', s('any'), filter.state)}${option('open', s('open'), filter.state)}${option('handled', s('handled'), filter.state)}</select></div>
<button type="submit">${s('apply')}</button>
</form>
${
  rows.length === 0
    ? html`<p>${s('none')}</p>`
    : html`<table><caption>${t('desk.caption', { count: rows.length })}</caption><thead><tr><th scope="col">${s('receiptNo')}</th><th scope="col">${s('time')}</th><th scope="col">${s('terminal')}</th><th scope="col">${s('service')}</th><th scope="col">${s('priority')}</th><th scope="col">${s('state')}</th></tr></thead><tbody>${body}</tbody></table>`
}
${pages.length ? html`<nav class="pages" aria-label="${s('pages')}"><ul>${pages}</ul></nav>` : ''}`;
  return page(filter.lang, s('title'), content);
}

/** One application: its answers as words, the PDF link and the "mark handled" form. */
export function renderDeskDetail(
  row: DeskRow,
  template: Template | null,
  answers: readonly { label: string; text: string }[],
  language: HubLanguage,
  retentionDays: number,
  review: SafeHtml | null,
): string {
  const t = hubText(language);
  const s = (key: string) => t(`desk.${key}`);
  const sub = row.submission;
  const title = template ? pickText(template.title, language).text : sub.templateId;
  const lang = langQuery(language);
  const content = html`<p><a href="/desk${lang}">${s('back')}</a></p>
<h1>${title} · ${sub.receiptNo}</h1>
<p>${shownTime(sub.createdAt)} · ${sub.terminalId}${sub.priority === 1 ? html` · <span class="flag">${s('yes')}</span>` : ''}${sub.assisted ? ` · ${s('assisted')}` : ''}</p>
<p>${row.handledAt ? t('desk.handledAt', { time: shownTime(row.handledAt) }) : s('open')}</p>
${review ?? ''}
${
  row.purgedAt
    ? html`<p>${t('desk.purged', { days: retentionDays })}</p>`
    : html`<div class="actions"><a href="/desk/s/${sub.uuid}/application.pdf${lang}">${s('printPdf')}</a>
${row.handledAt ? '' : html`<form method="post" action="/desk/s/${sub.uuid}/handled${lang}"><button type="submit">${s('markHandled')}</button></form>`}</div>
<h2>${s('answers')}</h2>
<dl>${answers.map((answer) => html`<dt>${answer.label}</dt><dd>${answer.text}</dd>`)}</dl>`
}`;
  return page(language, `${title} · ${sub.receiptNo}`, content);
}

export function renderDeskMessage(language: HubLanguage, message: string): string {
  const t = hubText(language);
  return page(
    language,
    t('desk.title'),
    html`<h1>${t('desk.title')}</h1><p>${message}</p><p><a href="/desk${langQuery(language)}">${t('desk.back')}</a></p>`,
  );
}
