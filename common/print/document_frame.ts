import { html, type SafeHtml } from './html';
import { localDateTime, type PageSize, printPage } from './page';
import type { PrintLanguages, PrintText } from './print_runs';
import type { PrintTexts } from './print_texts';

/** What every free-standing document (no submission behind it) carries besides its own content. */
export interface DocumentFrameInput {
  languages: PrintLanguages;
  texts: PrintTexts;
  officeName: string;
  officePhone: string;
  printedAt: string;
  pageSize: PageSize;
}

const FRAME_CSS = `
main { padding: 6mm; font-size: 14pt; line-height: 1.4; }
h1 { font-size: 22pt; margin: 0 0 4mm; }
h2 { font-size: 15pt; margin: 4mm 0 1mm; }
dt { font-weight: bold; margin-top: 2mm; } dd { margin: 0; }
.lead { font-size: 20pt; font-weight: bold; border: 0.8mm solid #000; padding: 2mm 3mm; display: inline-block; }
.small { font-size: 11pt; }
footer { margin-top: 5mm; border-top: 0.3mm solid #000; padding-top: 2mm; font-size: 11pt; }
`;

/** A free-standing document: heading, its content, then office, phone, time printed and the privacy note. */
export function buildDocument(
  frame: DocumentFrameInput,
  content: { heading: PrintText; css: string; body: SafeHtml },
): string {
  const t = frame.texts.document;
  const body = html`<main>
<h1>${content.heading}</h1>
${content.body}
<footer>
<dl>
<dt>${t.office}</dt><dd>${frame.officeName}</dd>
<dt>${t.phone}</dt><dd>${frame.officePhone}</dd>
<dt>${t.printed_at}</dt><dd>${localDateTime(frame.printedAt)}</dd>
</dl>
<p>${t.legal_aid_line}</p>
<p>${t.no_personal_data}</p>
</footer>
</main>`;
  return printPage({
    language: frame.languages.visitor,
    title: content.heading.plain,
    pageSize: frame.pageSize,
    css: FRAME_CSS + content.css,
    body,
  });
}
