import { html } from './html';
import { type PageSize, printPage } from './page';
import type { PrintLanguages, PrintText } from './print_runs';
import type { PrintTexts } from './print_texts';

export interface RetrievalCodeInput {
  languages: PrintLanguages;
  texts: PrintTexts;
  /** Already grouped for reading, e.g. `1234 5678`. */
  code: string;
  formTitle: PrintText;
  pageSize: PageSize;
}

const CSS = `
main { padding: 6mm; font-size: 16pt; line-height: 1.4; }
h1 { font-size: 24pt; margin: 0 0 4mm; }
.code { font-size: 34pt; font-weight: bold; letter-spacing: 0.1em; border: 1mm solid #000; padding: 2mm 4mm; display: inline-block; }
`;

/** A slip with the retrieval code of a kept draft (no answers on it). */
export function buildRetrievalCodeHtml(input: RetrievalCodeInput): string {
  const t = input.texts.retrieval;
  const body = html`<main>
<h1>${t.heading}</h1>
<div>${t.form}: ${input.formTitle}</div>
<div>${t.code}</div>
<div class="code">${input.code}</div>
<p>${t.hint}</p>
<p>${t.expires}</p>
</main>`;
  return printPage({
    language: input.languages.visitor,
    title: t.heading.plain,
    pageSize: input.pageSize,
    css: CSS,
    body,
  });
}
