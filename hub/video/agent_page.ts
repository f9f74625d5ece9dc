import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { CALL_KINDS } from '../../common/video/roster';
import { projectRoot } from '../../node_shared/project_root';
import { type HubLanguage, hubText, pickHubLanguage } from '../hub_text';
import { type Route, route } from '../router';

/** Built at build time by `scripts/build_web.ts` (`npm run hub` builds it when missing or stale). */
const CLIENT_SCRIPT = path.join(projectRoot(import.meta.dirname), 'dist/agent/agent.js');

const HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; media-src 'self' blob:; frame-ancestors 'none'; form-action 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(self), microphone=(self)',
};

let script: string | null = null;
/** The console's script, read once; null when the build is missing (the page then says so). */
function clientScript(): string | null {
  if (script === null && fs.existsSync(CLIENT_SCRIPT)) script = fs.readFileSync(CLIENT_SCRIPT, 'utf8');
  return script;
}

const CSS = `
body{font:1.25rem/1.5 system-ui,sans-serif;margin:0;padding:1rem;background:#fff;color:#111}
h1{font-size:1.75rem;margin:0 0 1rem}
fieldset{border:2px solid #444;margin:0 0 1rem;padding:1rem}
label{display:block;margin:.5rem 0}
input[type=text],input[type=password]{font:inherit;inline-size:min(30em,100%);padding:.5rem;border:2px solid #444}
button{font:inherit;min-block-size:3rem;min-inline-size:6rem;padding:.5rem 1rem;margin:.25rem;border:2px solid #111;background:#0b4f9c;color:#fff;cursor:pointer}
button.danger{background:#a00}
button:focus-visible,input:focus-visible{outline:4px solid #e07000;outline-offset:2px}
[hidden]{display:none!important}
#status{font-weight:bold;font-size:1.5rem}
#ring{border:6px solid #a00;background:#fff0f0;padding:1rem;font-size:1.75rem}
body.ringing #ring{animation:flash 1s steps(2) infinite}
@keyframes flash{50%{background:#a00;color:#fff}}
@media (prefers-reduced-motion:reduce){body.ringing #ring{animation:none}}
#call{display:grid;grid-template-columns:2fr 1fr;gap:1rem}
#videos{display:flex;flex-wrap:wrap;gap:.5rem}
#videos>div{display:grid;gap:.25rem;flex:1 1 24rem;max-inline-size:48rem}
#videos video{inline-size:100%;background:#000;aspect-ratio:4/3}
#self{inline-size:16rem;background:#000;aspect-ratio:4/3}
meter{inline-size:10rem;block-size:1.5rem}
#chat-log{list-style:none;padding:0;max-block-size:20rem;overflow:auto;border:2px solid #444}
#chat-log li{padding:.25rem .5rem}
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderAgentPage(lang: HubLanguage): string {
  const t = hubText(lang);
  const s = (key: string) => t(`agent.${key}`);
  const e = escapeHtml;
  const kinds = CALL_KINDS.map(
    (kind) => `<label><input type="checkbox" name="kind" value="${kind}"> ${e(s(`kind.${kind}`))}</label>`,
  ).join('');
  const inviteOptions = CALL_KINDS.map(
    (kind) => `<option value="${kind}">${e(s(`kind.${kind}`))}</option>`,
  ).join('');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(s('title'))}</title><link rel="stylesheet" href="/agent/agent.css"></head>
<body><main>
<h1>${e(s('title'))}</h1>
<p id="status" role="status" aria-live="polite"></p>
<form id="sign-in"><fieldset><legend>${e(s('signInHeading'))}</legend>
<label for="token">${e(s('token'))}</label><input id="token" type="password" autocomplete="off" required maxlength="600">
<fieldset><legend>${e(s('kinds'))}</legend>${kinds}</fieldset>
<button type="submit">${e(s('signIn'))}</button></fieldset></form>
<div id="duty" hidden><button type="button" id="toggle">${e(s('pause'))}</button></div>
<div id="ring" role="alert" hidden><p id="ring-text"></p><button type="button" id="answer">${e(s('answer'))}</button></div>
<section id="call" hidden aria-label="${e(s('inCall'))}">
<div><div id="videos" aria-label="${e(s('remoteVideo'))}"></div>
<video id="self" muted autoplay playsinline aria-label="${e(s('selfView'))}"></video>
<p><label for="self-level">${e(s('audioLevel'))} (${e(s('selfView'))})</label> <meter id="self-level" min="0" max="1" value="0"></meter></p>
<button type="button" id="hangup" class="danger">${e(s('hangUp'))}</button>
<label for="invite-kind">${e(s('invite'))}</label><select id="invite-kind">${inviteOptions}</select>
<button type="button" id="invite">${e(s('invite'))}</button></div>
<div><h2>${e(s('chatHeading'))}</h2><ul id="chat-log" aria-live="polite"></ul>
<form id="chat"><label for="chat-text">${e(s('chatLabel'))}</label><input id="chat-text" type="text" maxlength="1000" autocomplete="off">
<button type="submit">${e(s('send'))}</button></form></div>
</section>
<script type="application/json" id="strings">${JSON.stringify(t('agent', { returnObjects: true })).replace(/</g, '\\u003c')}</script>
<script src="/agent/agent.js"></script>
</main></body></html>`;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...HEADERS });
  res.end(body);
}

/** `/agent` (the console page), `/agent/agent.js` and `/agent/agent.css`; no login here: the token goes over the socket. */
export function agentRoutes(): Route[] {
  return [
    route({
      methods: ['GET', 'HEAD'],
      path: /^\/agent(\/agent\.(js|css))?$/,
      access: 'public',
      handle: ({ res, url }) => {
        if (url.pathname === '/agent/agent.js') {
          const body = clientScript();
          if (body === null)
            send(
              res,
              503,
              'text/plain; charset=utf-8',
              'The agent console is not built: run `npm run build:web`.\n',
            );
          else send(res, 200, 'text/javascript; charset=utf-8', body);
        } else if (url.pathname === '/agent/agent.css') send(res, 200, 'text/css; charset=utf-8', CSS);
        else
          send(
            res,
            200,
            'text/html; charset=utf-8',
            renderAgentPage(pickHubLanguage(url.searchParams.get('lang'))),
          );
      },
    }),
  ];
}
