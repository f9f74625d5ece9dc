import type { ServerResponse } from 'node:http';
import { pickText } from '../../common/content/pick_text';
import { HANDLED_FEED_PATH } from '../../common/contract/staff_methods';
import { flowOfTemplate } from '../../common/status/review_states';
import type { PdfRenderer } from '../../node_shared/pdf/pdf_renderer';
import { isSameOrigin, Refused, readBody, sendJson } from '../http_io';
import { hubText, pickHubLanguage } from '../hub_text';
import { PublishedTemplates } from '../published_templates';
import { type AuthorizedRequest, type Route, route } from '../router';
import { changeReview } from '../status/review_change';
import { renderReviewSection } from '../status/review_section';
import type { HubStore } from '../storage/hub_store';
import { DESK_CSS, renderDeskDetail, renderDeskList, renderDeskMessage } from './desk_page';
import { answerRows, applicationHtml } from './desk_print';
import { type DeskRow, deskFilterSchema, deskQuery, maySee, parseRow } from './desk_view';

export interface DeskContext {
  store: HubStore;
  now: () => Date;
  /** How long a handled application's personal data stays on the hub (shown on purged ones). */
  retentionDays: number;
  /** The hub's PDF renderer for printed applications (`createDeskPdf`). */
  pdf: PdfRenderer;
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

const UUID = '([0-9a-f-]{36})';
const MAX_REVIEW_FORM_BYTES = 8192;
const STAFF = ['staff', 'admin'] as const;

/**
 * The front desk on the hub: a staff token (Bearer, or Basic with the token as password so a browser can log
 * in) pages through the applications of its centres from every terminal, newest first, with the filters in
 * the query; opens one, prints the prefilled application as PDF with the kiosk's own print builder, and marks
 * it handled. Terminals fetch the marks from the feed.
 */
export function deskRoutes(ctx: DeskContext): Route[] {
  const { store } = ctx;
  const templates = new PublishedTemplates(store);
  const audit = (principal: AuthorizedRequest['principal'], action: string, uuid: string) =>
    store.addDeskAudit({ at: ctx.now().toISOString(), tokenId: principal.tokenId, action, uuid });
  /** The application, when the principal's centres include its centre; else null (404, never a hint). */
  const visibleRow = async ({ params, principal }: AuthorizedRequest): Promise<DeskRow | null> => {
    const entry = await store.deskEntry(params[0]!);
    return entry && maySee(principal.centres, entry.submission.centre) ? parseRow(entry) : null;
  };
  const language = (url: URL) => pickHubLanguage(url.searchParams.get('lang'));
  const notFound = (res: ServerResponse, url: URL) =>
    send(
      res,
      404,
      'text/html; charset=utf-8',
      renderDeskMessage(language(url), hubText(language(url))('desk.notFound')),
    );

  return [
    route({
      methods: ['GET'],
      path: /^\/desk\/desk\.css$/,
      access: 'public',
      handle: ({ res }) => send(res, 200, 'text/css; charset=utf-8', DESK_CSS),
    }),
    route({
      methods: ['GET'],
      path: /^\/desk$/,
      access: STAFF,
      loginRealm: 'desk',
      handle: async ({ res, url, principal }) => {
        const filter = deskFilterSchema.safeParse(Object.fromEntries(url.searchParams));
        if (!filter.success) throw new Refused(422, 'invalid_request');
        const lang = filter.data.lang;
        // Staff who open the list may print next: start the renderer now so their first PDF is warm.
        void ctx.pdf.warm();
        const page = await store.deskPage(deskQuery(filter.data, principal.centres));
        const published = (await store.manifest()).filter((item) => item.kind === 'template');
        const services = await Promise.all(
          published.map(async ({ id, version }) => {
            const template = await templates.get(id, version);
            return { id, title: template ? pickText(template.title, lang).text : id };
          }),
        );
        send(
          res,
          200,
          'text/html; charset=utf-8',
          renderDeskList(page.entries.map(parseRow), filter.data, services, page.next),
        );
      },
    }),
    route({
      methods: ['GET'],
      path: new RegExp(`^/desk/s/${UUID}$`),
      access: STAFF,
      loginRealm: 'desk',
      handle: async (request) => {
        const { res, url, principal } = request;
        const row = await visibleRow(request);
        if (!row) return notFound(res, url);
        const lang = language(url);
        const template = await templates.get(row.submission.templateId, row.submission.templateVersion);
        const answers = template ? answerRows(template, row, lang) : [];
        await audit(principal, 'desk.view', row.submission.uuid);
        const flow = flowOfTemplate(row.submission.templateId);
        const review = flow
          ? renderReviewSection(
              row.submission.uuid,
              flow,
              await store.reviewHistory(row.submission.uuid),
              lang,
            )
          : null;
        send(
          res,
          200,
          'text/html; charset=utf-8',
          renderDeskDetail(row, template, answers, lang, ctx.retentionDays, review),
        );
      },
    }),
    route({
      methods: ['GET'],
      path: new RegExp(`^/desk/s/${UUID}/application\\.pdf$`),
      access: STAFF,
      loginRealm: 'desk',
      handle: async (request) => {
        const { res, url, principal } = request;
        const row = await visibleRow(request);
        const template =
          row && (await templates.get(row.submission.templateId, row.submission.templateVersion));
        if (!row || !template) return notFound(res, url);
        const lang = language(url);
        if (row.purgedAt)
          return send(
            res,
            410,
            'text/html; charset=utf-8',
            renderDeskMessage(lang, hubText(lang)('desk.purged', { days: ctx.retentionDays })),
          );
        await audit(principal, 'desk.print_application', row.submission.uuid);
        const rendered = await ctx.pdf.render(applicationHtml(template, row, lang), 'A4');
        if (!rendered.ok) throw new Refused(503, 'print_unavailable');
        const bytes = rendered.value;
        res.writeHead(200, {
          'content-type': 'application/pdf',
          'content-length': bytes.length,
          'content-disposition': `inline; filename="application-${row.submission.receiptNo.replace(/[^A-Za-z0-9-]/g, '')}.pdf"`,
          ...PAGE_HEADERS,
        });
        res.end(bytes);
      },
    }),
    route({
      methods: ['POST'],
      path: new RegExp(`^/desk/s/${UUID}/handled$`),
      access: STAFF,
      loginRealm: 'desk',
      handle: async (request) => {
        const { req, res, url, principal } = request;
        if (!isSameOrigin(req)) throw new Refused(403, 'forbidden');
        const row = await visibleRow(request);
        if (!row) return notFound(res, url);
        const uuid = row.submission.uuid;
        await store.setDeskState({
          uuid,
          state: 'handled',
          at: ctx.now().toISOString(),
          by: principal.tokenId,
        });
        await audit(principal, 'desk.mark_handled', uuid);
        // Post/redirect/get: a reload does not post again.
        res.writeHead(303, {
          location: `/desk/s/${uuid}${language(url) === 'en' ? '?lang=en' : ''}`,
          ...PAGE_HEADERS,
        });
        res.end();
      },
    }),
    route({
      methods: ['POST'],
      path: new RegExp(`^/desk/s/${UUID}/review$`),
      access: STAFF,
      loginRealm: 'desk',
      handle: async ({ req, res, url, params, principal }) => {
        if (!isSameOrigin(req)) throw new Refused(403, 'forbidden');
        const body = await readBody(req, MAX_REVIEW_FORM_BYTES);
        if (!body.ok) throw new Refused(413, body.error);
        // Empty fields of the form are "not given"; the schema checks the rest.
        const form = [...new URLSearchParams(body.value.toString('utf8'))].filter(([, value]) =>
          value.trim(),
        );
        const { state, note, ...details } = Object.fromEntries(form);
        const changed = await changeReview(
          store,
          principal,
          params[0]!,
          { state, ...(note ? { note } : {}), details },
          ctx.now().toISOString(),
        );
        const lang = language(url);
        if (!changed.ok) {
          const error = changed.error;
          if (error.kind === 'not_found') return notFound(res, url);
          return send(
            res,
            422,
            'text/html; charset=utf-8',
            renderDeskMessage(lang, hubText(lang)('review.invalid', { detail: error.detail })),
          );
        }
        res.writeHead(303, {
          location: `/desk/s/${params[0]}${lang === 'en' ? '?lang=en' : ''}`,
          ...PAGE_HEADERS,
        });
        res.end();
      },
    }),
    route({
      // `GET /api/v1/desk/handled?since=SEQ`: the marks of the asking terminal's own submissions only.
      methods: ['GET'],
      path: new RegExp(`^${HANDLED_FEED_PATH}$`),
      access: ['terminal'],
      currentAppOnly: false,
      handle: async ({ res, url, principal }) => {
        const since = Number(url.searchParams.get('since') ?? '0');
        if (!Number.isSafeInteger(since) || since < 0) throw new Refused(422, 'invalid_request');
        const marks = await store.deskMarks({
          terminalId: principal.terminalId!,
          state: 'handled',
          since,
          limit: 1000,
        });
        sendJson(res, 200, {
          items: marks.map(({ seq, uuid, at }) => ({ seq, uuid, handledAt: at })),
          next: marks.at(-1)?.seq ?? since,
        });
      },
    }),
  ];
}
