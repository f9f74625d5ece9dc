import type { IncomingMessage, ServerResponse } from 'node:http';
import { pickText } from '../../common/content/pick_text';
import { HANDLED_FEED_PATH } from '../../common/contract/staff_methods';
import type { PdfRenderer } from '../../node_shared/pdf/pdf_renderer';
import { isSameOrigin, sendJson } from '../http_io';
import { PublishedTemplates } from '../published_templates';
import { requestPrincipal } from '../releases/request_principal';
import type { HubStore, Principal } from '../storage/hub_store';
import { DESK_CSS, renderDeskDetail, renderDeskList, renderDeskMessage } from './desk_page';
import { answerRows, applicationHtml } from './desk_print';
import { DeskStore } from './desk_store';
import { DESK_STRINGS, type DeskLanguage } from './desk_strings';
import { applyFilter, deskFilterSchema, parseRow, visibleSubmissions } from './desk_view';

export interface DeskContext {
  store: HubStore;
  now: () => Date;
  dataDir?: string | undefined;
  /** The hub's PDF renderer for printed applications (`createDeskPdf`). */
  pdf: PdfRenderer;
}

/** `/desk…` (the page, staff) and the handled feed the terminals poll (terminal token). */
export const DESK_ROUTE = /^(\/desk(\/.*)?|\/api\/v1\/desk\/handled)$/;

const DETAIL = /^\/desk\/s\/([0-9a-f-]{36})$/;
const PDF = /^\/desk\/s\/([0-9a-f-]{36})\/application\.pdf$/;
const HANDLED = /^\/desk\/s\/([0-9a-f-]{36})\/handled$/;

/** The desk store of a hub store (tests read its audit). */
export function deskStoreOf(ctx: Omit<DeskContext, 'pdf'>): DeskStore {
  return servicesOf(ctx).desk;
}

// One desk store and template cache per hub store (the hub server passes the same store to every request).
const services = new WeakMap<HubStore, { desk: DeskStore; templates: PublishedTemplates }>();
function servicesOf(ctx: Omit<DeskContext, 'pdf'>) {
  let found = services.get(ctx.store);
  if (!found) {
    found = { desk: new DeskStore(ctx.dataDir), templates: new PublishedTemplates(ctx.store) };
    services.set(ctx.store, found);
  }
  return found;
}

const PAGE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...PAGE_HEADERS });
  res.end(body);
}

function language(url: URL): DeskLanguage {
  return url.searchParams.get('lang') === 'en' ? 'en' : 'zh-CN';
}

/**
 * The front desk on the hub: a staff token (Bearer, or Basic with the token as password so a browser can log
 * in) sees the submissions of its centre from every terminal, opens one, prints the prefilled application as
 * PDF with the kiosk's own print builder, and marks it handled. Terminals fetch the marks from the feed.
 */
export async function handleDesk(req: IncomingMessage, res: ServerResponse, ctx: DeskContext): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://hub.invalid');
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const principal = requestPrincipal(req, ctx.store);
  if (path === HANDLED_FEED_PATH) {
    if (method !== 'GET')
      return void sendJson(res, 405, { error: 'method_not_allowed' }, { headers: { allow: 'GET' } });
    return handledFeed(res, url, principal, ctx);
  }
  if (path === '/desk/desk.css') return send(res, 200, 'text/css; charset=utf-8', DESK_CSS);

  if (!principal) {
    sendJson(
      res,
      401,
      { error: 'unauthorized' },
      { headers: { 'www-authenticate': 'Basic realm="desk", charset="UTF-8"' } },
    );
    return;
  }
  if (principal.role !== 'staff' && principal.role !== 'admin') {
    sendJson(res, 403, { error: 'forbidden' });
    return;
  }
  const { desk, templates } = servicesOf(ctx);
  const lang = language(url);
  const s = DESK_STRINGS[lang];
  const rowOf = (uuid: string) => {
    const sub = visibleSubmissions(ctx.store, principal.centre).find((item) => item.uuid === uuid);
    return sub ? parseRow(sub, new Map(desk.handledAt(uuid) ? [[uuid, desk.handledAt(uuid)!]] : [])) : null;
  };
  const audit = (action: string, uuid: string) =>
    desk.audit(ctx.now().toISOString(), principal.tokenId, action, uuid);
  const notFound = () => send(res, 404, 'text/html; charset=utf-8', renderDeskMessage(lang, s.notFound));

  if (path === '/desk') {
    if (method !== 'GET')
      return void sendJson(res, 405, { error: 'method_not_allowed' }, { headers: { allow: 'GET' } });
    const filter = deskFilterSchema.safeParse(Object.fromEntries(url.searchParams));
    if (!filter.success) return void sendJson(res, 422, { error: 'invalid_request' });
    // Staff who open the list may print next: start the renderer now so their first PDF is warm.
    void ctx.pdf.warm();
    const handled = desk.all();
    const rows = visibleSubmissions(ctx.store, principal.centre).map((sub) => parseRow(sub, handled));
    const ids = [...new Set(rows.map((row) => row.submission.templateId))].sort();
    const serviceList = ids.map((id) => {
      const latest = rows.find((row) => row.submission.templateId === id)!.submission;
      const template = templates.get(id, latest.templateVersion);
      return { id, title: template ? pickText(template.title, lang).text : id };
    });
    return send(
      res,
      200,
      'text/html; charset=utf-8',
      renderDeskList(applyFilter(rows, filter.data), filter.data, serviceList),
    );
  }

  const detail = DETAIL.exec(path);
  if (detail) {
    if (method !== 'GET')
      return void sendJson(res, 405, { error: 'method_not_allowed' }, { headers: { allow: 'GET' } });
    const row = rowOf(detail[1]!);
    if (!row) return notFound();
    const template = templates.get(row.submission.templateId, row.submission.templateVersion);
    const answers = template ? answerRows(template, row, lang) : [];
    audit('desk.view', row.submission.uuid);
    return send(res, 200, 'text/html; charset=utf-8', renderDeskDetail(row, template, answers, lang));
  }

  const pdf = PDF.exec(path);
  if (pdf) {
    if (method !== 'GET')
      return void sendJson(res, 405, { error: 'method_not_allowed' }, { headers: { allow: 'GET' } });
    const row = rowOf(pdf[1]!);
    const template = row && templates.get(row.submission.templateId, row.submission.templateVersion);
    if (!row || !template) return notFound();
    audit('desk.print_application', row.submission.uuid);
    const rendered = await ctx.pdf.render(applicationHtml(template, row, lang), 'A4');
    if (!rendered.ok) return void sendJson(res, 503, { error: 'print_unavailable' });
    const bytes = rendered.value;
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': bytes.length,
      'content-disposition': `inline; filename="application-${row.submission.receiptNo.replace(/[^A-Za-z0-9-]/g, '')}.pdf"`,
      ...PAGE_HEADERS,
    });
    res.end(bytes);
    return;
  }

  const handled = HANDLED.exec(path);
  if (handled) {
    if (method !== 'POST')
      return void sendJson(res, 405, { error: 'method_not_allowed' }, { headers: { allow: 'POST' } });
    if (!isSameOrigin(req)) return void sendJson(res, 403, { error: 'forbidden' });
    const row = rowOf(handled[1]!);
    if (!row) return notFound();
    desk.mark(
      {
        uuid: row.submission.uuid,
        terminalId: row.submission.terminalId,
        centre: row.submission.centre,
        handledAt: ctx.now().toISOString(),
      },
      principal.tokenId,
    );
    audit('desk.mark_handled', row.submission.uuid);
    // Post/redirect/get: a reload does not post again.
    res.writeHead(303, {
      location: `/desk/s/${row.submission.uuid}${lang === 'en' ? '?lang=en' : ''}`,
      ...PAGE_HEADERS,
    });
    res.end();
    return;
  }
  sendJson(res, 404, { error: 'not_found' });
}

/** `GET /api/v1/desk/handled?since=SEQ`: the marks of the asking terminal's own submissions only. */
function handledFeed(res: ServerResponse, url: URL, principal: Principal | null, ctx: DeskContext): void {
  if (!principal) return void sendJson(res, 401, { error: 'unauthorized' });
  if (principal.role !== 'terminal' || !principal.terminalId)
    return void sendJson(res, 403, { error: 'forbidden' });
  const since = Number(url.searchParams.get('since') ?? '0');
  if (!Number.isSafeInteger(since) || since < 0) return void sendJson(res, 422, { error: 'invalid_request' });
  const marks = servicesOf(ctx).desk.sinceForTerminal(principal.terminalId, since, 1000);
  sendJson(res, 200, {
    items: marks.map(({ seq, uuid, handledAt }) => ({ seq, uuid, handledAt })),
    next: marks.at(-1)?.seq ?? since,
  });
}
