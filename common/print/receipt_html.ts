import { html, type SafeHtml } from './html';
import { localDateTime, type PageSize, printPage } from './page';
import type { PrintLanguages, PrintText } from './print_runs';
import type { PrintTexts } from './print_texts';

export interface ReceiptInput {
  languages: PrintLanguages;
  texts: PrintTexts;
  receiptNo: string;
  /** Title of the form and what happens next, in the receipt's language(s). */
  formTitle: PrintText;
  nextSteps: PrintText;
  createdAt: string;
  priority: boolean;
  officeName: string;
  officePhone: string;
  /** SVG of the QR code of the receipt number, from the `qrcode` library. */
  qrSvg: SafeHtml;
  pageSize: PageSize;
}

const CSS = `
main { padding: 6mm; font-size: 16pt; line-height: 1.4; }
h1 { font-size: 26pt; margin: 0 0 4mm; }
.number { font-size: 30pt; font-weight: bold; letter-spacing: 0.05em; border: 1mm solid #000; padding: 2mm 4mm; display: inline-block; }
.priority { font-weight: bold; border: 0.6mm solid #000; padding: 1mm 3mm; margin: 3mm 0; }
dt { font-weight: bold; margin-top: 3mm; } dd { margin: 0; }
.qr { width: 40mm; height: 40mm; margin-top: 4mm; } .qr svg { width: 100%; height: 100%; }
.note { font-size: 13pt; margin-top: 4mm; }
`;

/** The large-print receipt: receipt number, what was filed, what happens next, the office's phone, a QR code. */
export function buildReceiptHtml(input: ReceiptInput): string {
  const t = input.texts.receipt;
  const body = html`<main>
<h1>${t.heading}</h1>
<div>${t.receipt_no}</div>
<div class="number" data-testid="receipt-no">${input.receiptNo}</div>
${input.priority ? html`<div class="priority">${t.priority}</div>` : ''}
<dl>
<dt>${t.filed}</dt><dd>${input.formTitle}</dd>
<dt>${t.submitted_at}</dt><dd>${localDateTime(input.createdAt)}</dd>
<dt>${t.next_steps}</dt><dd>${input.nextSteps}</dd>
<dt>${t.office}</dt><dd>${input.officeName}</dd>
<dt>${t.phone}</dt><dd>${input.officePhone}</dd>
</dl>
<div class="qr" role="img" aria-label="${t.qr_hint}">${input.qrSvg}</div>
<p class="note">${t.keep}</p>
<p class="note">${t.lookup}</p>
</main>`;
  return printPage({
    language: input.languages.visitor,
    title: `${t.heading.plain} ${input.receiptNo}`,
    pageSize: input.pageSize,
    css: CSS,
    body,
  });
}
