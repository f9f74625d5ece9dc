import en from '../../assets/locales/en/shell.json' with { type: 'json' };
import mn from '../../assets/locales/mn-Mong-CN/shell.json' with { type: 'json' };
import zh from '../../assets/locales/zh-CN/shell.json' with { type: 'json' };
import { escapeHtml } from '../../common/print/html';

/**
 * The staff-visible page shown after repeated crashes. It is static HTML from the shell (the renderer may
 * be what keeps crashing), with its text from the `shell` catalogs: Mongolian first (Inner Mongolia's
 * bilingual rule, vertical script), then Chinese, then English. Keys a catalog lacks are simply not shown
 * in that language; Chinese is always complete.
 */
export const CRASH_PAGE_PATH = '/__shell/crashed';
export const CRASH_STYLE_PATH = '/__shell/crashed.css';
/** Files in `electron/main/static/`, copied next to the bundle by scripts/build_electron.mjs. */
export const CRASH_TEMPLATE_FILE = 'crashed.html';
export const CRASH_STYLE_FILE = 'crashed.css';

type ShellCatalog = { crashed: Partial<Record<'title' | 'ask_staff' | 'staff_action' | 'code', string>> };

const SECTIONS: { lang: string; catalog: ShellCatalog; vertical: boolean }[] = [
  { lang: 'mn-Mong-CN', catalog: mn, vertical: true },
  { lang: 'zh-CN', catalog: zh, vertical: false },
  { lang: 'en', catalog: en, vertical: false },
];

/** A short technical code for the technician (no personal data): where, why, how many. */
export function crashCode(source: string, reason: string, count: number): string {
  const clean = (text: string) => text.replace(/[^A-Za-z0-9-]/g, '').slice(0, 40) || 'unknown';
  return `${clean(source)}-${clean(reason)}-${Math.max(0, Math.trunc(count))}`;
}

/** Fills the static template (`static/crashed.html`, which carries its own strict CSP) with the texts. */
export function renderCrashPage(template: string, code: string): string {
  const sections = SECTIONS.map(({ lang, catalog, vertical }) => {
    const text = catalog.crashed;
    const lines = [
      text.title ? `<h1>${escapeHtml(text.title)}</h1>` : '',
      text.ask_staff ? `<p>${escapeHtml(text.ask_staff)}</p>` : '',
      text.staff_action ? `<p>${escapeHtml(text.staff_action)}</p>` : '',
      text.code ? `<p class="code">${escapeHtml(text.code.replace('{{code}}', code))}</p>` : '',
    ].join('');
    return lines ? `<section lang="${lang}"${vertical ? ' class="vertical"' : ''}>${lines}</section>` : '';
  }).join('');
  // Function replacers: the texts are data, `$&`-style patterns in them must stay literal.
  return template
    .replace('{{title}}', () => escapeHtml(zh.crashed.title))
    .replace('{{sections}}', () => sections);
}
