import type { LegalAidGuide } from '../content/content_schema';
import { buildDocument, type DocumentFrameInput } from './document_frame';
import { html } from './html';
import { printText } from './print_runs';

export interface ChecklistInput extends DocumentFrameInput {
  guide: LegalAidGuide;
}

const CSS = `
ul.checklist { list-style: none; padding: 0; margin: 3mm 0; }
ul.checklist li { display: flex; gap: 3mm; margin-bottom: 3mm; break-inside: avoid; }
.box { flex: none; width: 6mm; height: 6mm; border: 0.6mm solid #000; margin-top: 1mm; }
.note { display: block; font-size: 11pt; }
`;

/** The legal-aid "what to bring" list with a box to tick per item, and where the list comes from. */
export function buildChecklistHtml(input: ChecklistInput): string {
  const t = input.texts.checklist;
  const { guide, languages } = input;
  const items = guide.checklist.map(
    (item) =>
      html`<li><span class="box" aria-hidden="true"></span><span>${printText(item.text, languages)}${
        item.note ? html`<span class="note">${printText(item.note, languages)}</span>` : ''
      }</span></li>`,
  );
  const sources =
    guide.sources.length > 0
      ? html`<h2>${t.sources}</h2><ul class="small">${guide.sources.map((source) => html`<li>${printText(source, languages)}</li>`)}</ul>`
      : '';
  const body = html`<p>${t.intro}</p>
<ul class="checklist">${items}</ul>
<p>${printText(guide.noProof, languages)}</p>
${sources}`;
  return buildDocument(input, { heading: t.heading, css: CSS, body });
}
