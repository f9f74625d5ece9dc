import fs from 'node:fs';
import path from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../common/csp';
import type { MediaAnswer, MediaRequest } from '../../core/sign_language/clip_response';
import { readStaticFile } from '../../node_shared/static_files';
import {
  CRASH_PAGE_PATH,
  CRASH_STYLE_FILE,
  CRASH_STYLE_PATH,
  CRASH_TEMPLATE_FILE,
  renderCrashPage,
} from './crash_page';
import { APP_HOST, APP_SCHEME } from './navigation_policy';

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy':
    'camera=(self), microphone=(self), geolocation=(), usb=(), serial=(), hid=(), payment=()',
};

/**
 * `app://kiosk/` must be registered before the app is ready: standard (real origin, relative URLs,
 * CSP 'self' works) and secure (a secure context, so camera and microphone can be granted at all). Code
 * cache on: V8 keeps the compiled scripts between starts, so a weak terminal does not recompile React.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
    },
  ]);
}

function respond(
  status: number,
  body: string | Uint8Array<ArrayBuffer> | null,
  contentType: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(body, {
    status,
    headers: { ...SECURITY_HEADERS, 'cache-control': 'no-store', 'content-type': contentType, ...headers },
  });
}

/** Media the core serves to the page by URL (sign-language clips, with byte ranges). */
export type MediaSource = (request: MediaRequest) => MediaAnswer | null;

/**
 * Serves the built renderer (`dist/renderer`), the shell's crash page and the core's media (sign clips),
 * with the CSP on every response. Other hosts, other methods, traversal (`..`, encoded or not), dotfiles and
 * missing files get 404/405.
 */
export function createAppRequestHandler(
  rendererRoot: string,
  shellStaticDir: string,
  media: MediaSource = () => null,
) {
  // Read once at start: the crash page must still work when the disk or the renderer is in trouble.
  const crashTemplate = fs.readFileSync(path.join(shellStaticDir, CRASH_TEMPLATE_FILE), 'utf8');
  const crashStyle = fs.readFileSync(path.join(shellStaticDir, CRASH_STYLE_FILE), 'utf8');
  return (request: { url: string; method: string; headers?: Headers }): Response => {
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return respond(404, null, 'text/plain');
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, null, 'text/plain');
    const answer = media({
      method: request.method,
      pathname: url.pathname,
      range: request.headers?.get('range') ?? undefined,
    });
    if (answer) {
      const { 'content-type': contentType = 'text/plain', ...headers } = answer.headers;
      return respond(answer.status, answer.body ? new Uint8Array(answer.body) : null, contentType, headers);
    }
    if (url.pathname === CRASH_PAGE_PATH) {
      const code = (url.searchParams.get('code') ?? '').replace(/[^A-Za-z0-9-]/g, '').slice(0, 80);
      return respond(200, renderCrashPage(crashTemplate, code), 'text/html; charset=utf-8');
    }
    if (url.pathname === CRASH_STYLE_PATH) return respond(200, crashStyle, 'text/css; charset=utf-8');
    const file = readStaticFile(rendererRoot, url.pathname);
    if (!file) return respond(404, null, 'text/plain');
    const body = request.method === 'HEAD' ? null : new Uint8Array(file.body);
    return respond(200, body, file.contentType, { 'cache-control': file.cacheControl });
  };
}

export function serveApp(
  protocol: Pick<Protocol, 'handle'>,
  rendererRoot: string,
  shellStaticDir: string,
  media: () => MediaSource,
): void {
  // The core starts after the protocol is registered: its media source is looked up per request.
  protocol.handle(
    APP_SCHEME,
    createAppRequestHandler(rendererRoot, shellStaticDir, (request) => media()(request)),
  );
}
