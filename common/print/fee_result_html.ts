import type { LocalizedText } from '../content/localized_text';
import type { FeeQuote } from '../fees/fee_quote_schema';
import { formatFen } from '../fees/money';
import { buildDocument, type DocumentFrameInput } from './document_frame';
import { html, type SafeHtml } from './html';
import { printText } from './print_runs';

export interface FeeResultInput extends DocumentFrameInput {
  /** Recomputed by the core from the visitor's answers: never an amount taken from the screen. */
  quote: FeeQuote;
  matterName: LocalizedText;
  tableRegion: LocalizedText;
}

const CSS = `
.source-text { font-size: 11pt; border-left: 1mm solid #000; padding-left: 2mm; margin: 1mm 0; white-space: pre-wrap; }
`;

/** The headline: free, the fee to pay (or at most, for "at least" rules), or that the amount is the office's. */
function headline(input: FeeResultInput): SafeHtml {
  const t = input.texts.fee_result;
  const { feeToPayFen, mayBeLower } = input.quote;
  if (feeToPayFen === 0) return html`<p class="lead" data-testid="fee-headline">${t.free}</p>`;
  if (feeToPayFen === null) return html`<p class="lead" data-testid="fee-headline">${t.unknown_amount}</p>`;
  // Label and amount on their own lines: no punctuation between them to translate.
  return html`<p class="lead" data-testid="fee-headline">${mayBeLower ? t.at_most : t.to_pay}<br>${formatFen(feeToPayFen)} ${t.yuan}</p>`;
}

function amounts(input: FeeResultInput): SafeHtml {
  const t = input.texts.fee_result;
  const { standardFeeFen, reductionFen, reductionPercent } = input.quote;
  return html`<dl>
<dt>${t.matter}</dt><dd>${printText(input.matterName, input.languages)}</dd>
${standardFeeFen === null ? '' : html`<dt>${t.standard}</dt><dd>${formatFen(standardFeeFen)} ${t.yuan}</dd>`}
<dt>${t.reduction}</dt><dd>${reductionPercent}%${reductionFen === null ? '' : html` (${formatFen(reductionFen)} ${t.yuan})`}</dd>
</dl>`;
}

function rule(input: FeeResultInput): SafeHtml {
  const t = input.texts.fee_result;
  const { applied, alsoMatched } = input.quote;
  if (!applied) return html`<p>${t.no_rule}</p>`;
  const kindNote =
    applied.reduction.kind === 'at_least'
      ? t.at_least
      : applied.reduction.kind === 'office_decides'
        ? t.office_decides
        : '';
  return html`<h2>${t.rule}</h2>
<p data-testid="fee-rule">${printText(applied.title, input.languages)}</p>
${kindNote ? html`<p>${kindNote}</p>` : ''}
${alsoMatched.length > 0 ? html`<p>${t.also}</p>` : ''}
<h2>${t.source}</h2>
<p>${printText(applied.sourceRef, input.languages)}</p>
<h2>${t.source_text}</h2>
<p class="source-text" lang="zh-CN">${applied.sourceText}</p>`;
}

/** The printed fee-reduction result: what to pay, why (rule, source, its wording), and that the office confirms. */
export function buildFeeResultHtml(input: FeeResultInput): string {
  const t = input.texts.fee_result;
  const body = html`${headline(input)}
${amounts(input)}
${rule(input)}
<dl class="small"><dt>${t.table}</dt><dd>${printText(input.tableRegion, input.languages)} ${t.version} ${input.quote.tableVersion}</dd></dl>
<p>${t.confirm}</p>`;
  return buildDocument(input, { heading: t.heading, css: CSS, body });
}
