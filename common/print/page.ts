import type { Language } from '../languages';
import { html, type SafeHtml, trustedMarkup } from './html';

/** Page sizes the print service asks for explicitly (never the printer's default). */
export const PAGE_SIZES = {
  A4: { width: '210mm', height: '297mm' },
  receipt80mm: { width: '80mm', height: '200mm' },
} as const;
export type PageSize = keyof typeof PAGE_SIZES;

/**
 * Fonts: the CJK and Mongolian Noto faces by local name (installed with fonts-noto-cjk / fonts-noto-core
 * and bundled on terminals), so every printer page renders Chinese and Mongolian the same. 'Kiosk Print SC'
 * (assets/fonts, scripts/build_print_font.py) is the same face cut to GB 2312 and the kiosk's own texts: a
 * PDF costs time in proportion to the fonts it uses, and the full face alone cost ~0.5 s per document. Where
 * it is installed it comes first; any character it lacks falls through to the full face. Mongolian runs
 * (`.mn`, see print_runs.ts) are vertical columns flowing left to right, wrapping after 45 mm; `.bi` puts a
 * bilingual pair side by side, Mongolian first.
 */
const FONT_CSS = `
@font-face { font-family: 'KioskPrintCJK'; src: local('Kiosk Print SC'), local('KioskPrintSC-Regular'); }
@font-face { font-family: 'KioskCJK'; src: local('Noto Sans CJK SC'), local('NotoSansCJKsc-Regular'), local('Noto Sans SC'); }
@font-face { font-family: 'KioskMongolian'; src: local('Noto Sans Mongolian'), local('NotoSansMongolian-Regular'); }
body { font-family: 'KioskPrintCJK', 'KioskCJK', 'KioskMongolian', sans-serif; color: #000; background: #fff; margin: 0; }
.mn { display: inline-block; writing-mode: vertical-lr; text-orientation: mixed; font-family: 'KioskMongolian', 'KioskPrintCJK', 'KioskCJK', sans-serif; max-inline-size: 45mm; vertical-align: top; line-height: 1.5; overflow-wrap: anywhere; }
.bi { display: inline-flex; flex-wrap: wrap; align-items: flex-start; gap: 0 0.6em; }
`;

/** A complete printable HTML document. */
export function printPage(options: {
  language: Language;
  title: string;
  pageSize: PageSize;
  css: string;
  body: SafeHtml;
}): string {
  const size = PAGE_SIZES[options.pageSize];
  // CSS is raw text inside <style> (entities are not decoded there): only our own constants go in it.
  const style = trustedMarkup(
    `@page { size: ${size.width} ${size.height}; margin: 0; }${FONT_CSS}${options.css}`,
  );
  return html`<!doctype html>
<html lang="${options.language}"><head><meta charset="utf-8"><title>${options.title}</title>
<style>${style}</style></head><body>${options.body}</body></html>`.html;
}

/** Date and time in the kiosk's local time (UTC+8) for print: `2026-11-28 14:05`. */
export function localDateTime(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 16).replace('T', ' ');
}
