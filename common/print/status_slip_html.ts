import type { ReviewStatus } from '../status/review_states';
import { statusLines } from '../status/status_lines';
import { buildDocument, type DocumentFrameInput } from './document_frame';
import { html } from './html';
import { localDateTime } from './page';
import { fillPrintText, type PrintText, type PrintTextTree } from './print_runs';

export interface StatusSlipInput extends DocumentFrameInput {
  /** The `status` catalog resolved for this printout (`statusTextsFor`). */
  statusTexts: PrintTextTree<Record<string, unknown>>;
  /** The progress the hub gave in this session: never one sent by the page. */
  status: ReviewStatus;
}

const CSS = `
.status-line { margin: 1.5mm 0; }
`;

/** The catalog text at a dotted key (`states.approved`). */
function textAt(tree: PrintTextTree<Record<string, unknown>>, key: string): PrintText {
  let node: unknown = tree;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return node as PrintText;
}

/**
 * The printed progress slip: the lines the screen showed and spoke (state in large type), how to look it up
 * again, then the office, its phone and the time printed, which is when the hub was asked.
 */
export function buildStatusSlipHtml(input: StatusSlipInput): string {
  const texts = input.statusTexts;
  const lines = statusLines(input.status, localDateTime).map((line) => {
    const text = line.values ? fillPrintText(textAt(texts, line.k), line.values) : textAt(texts, line.k);
    return line.k.startsWith('states.')
      ? html`<p class="lead" data-testid="status-state">${text}</p>`
      : html`<p class="status-line">${text}</p>`;
  });
  const body = html`${lines}
<p class="small">${textAt(texts, 'receipt_tip')}</p>`;
  return buildDocument(input, { heading: textAt(texts, 'result_heading'), css: CSS, body });
}
