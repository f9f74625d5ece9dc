import type { FeeReduction } from '../contract/forms_methods';
import { formatFen } from '../fees/money';
import { feeReductionSummary } from '../fees/stored_fee_reduction';
import type { AnswerValue } from '../forms/answers';
import { papersToBring, visibleSteps } from '../forms/form_logic';
import { allSteps, type FieldOption, type Step, type Template } from '../forms/template_schema';
import { answerText } from './answer_text';
import { html, type SafeHtml } from './html';
import { localDateTime, printPage } from './page';
import { answerRun, type PrintLanguages, printText } from './print_runs';
import type { PrintTexts } from './print_texts';

export interface ApplicationInput {
  languages: PrintLanguages;
  texts: PrintTexts;
  template: Template;
  answers: Readonly<Record<string, AnswerValue>>;
  receiptNo: string;
  createdAt: string;
  terminalId: string;
  priority: boolean;
  feeReduction: FeeReduction | null;
  sourceOptions: (step: Step) => readonly FieldOption[];
  /** Steps whose answer was read from the applicant's ID card (marked on the paper). */
  fromIdCard?: ReadonlySet<string>;
}

/** Signatures are drawn in a 600 × 200 box on the screen; the path data uses those coordinates. */
const SIGNATURE_VIEWBOX = '0 0 600 200';

const CSS = `
main { padding: 14mm 15mm; font-size: 11pt; line-height: 1.35; }
header { position: relative; text-align: center; margin-bottom: 4mm; padding: 0 26mm; }
h1 { font-size: 20pt; margin: 0 0 2mm; letter-spacing: 0.1em; }
.meta { font-size: 10pt; }
.priority { position: absolute; right: 0; top: 0; border: 0.8mm solid #000; font-size: 20pt; font-weight: bold; padding: 1mm 3mm; }
section { break-inside: avoid; }
h2 { font-size: 12pt; margin: 4mm 0 0; padding: 1mm 2mm; border: 0.3mm solid #000; border-bottom: none; background: #eee; }
.grid { display: flex; flex-wrap: wrap; border-top: 0.3mm solid #000; border-left: 0.3mm solid #000; }
.cell { break-inside: avoid; box-sizing: border-box; border-right: 0.3mm solid #000; border-bottom: 0.3mm solid #000; padding: 1.2mm 2mm; min-height: 9mm; }
.full { width: 100%; } .half { width: 50%; } .third { width: 33.333%; }
.label { font-size: 9pt; color: #333; display: block; }
.source { margin-inline-start: 1mm; }
.value { white-space: pre-wrap; word-break: break-all; }
.signature svg { height: 18mm; width: 54mm; } .signature path { fill: none; stroke: #000; stroke-width: 3; }
ul.papers { list-style: none; margin: 0; padding: 1.5mm 2mm; border: 0.3mm solid #000; }
ul.papers li { display: flex; gap: 2mm; margin: 1mm 0; break-inside: avoid; }
ul.papers .box { flex: none; width: 4mm; height: 4mm; border: 0.4mm solid #000; margin-top: 0.5mm; }
footer { margin-top: 5mm; font-size: 10pt; white-space: pre-wrap; }
`;

/** The fee slot: the rule (its title when the record has it), the percentage, and the fee to pay. */
function feeCells(input: ApplicationInput, fee: FeeReduction): SafeHtml {
  const t = input.texts.application;
  const summary = feeReductionSummary(fee);
  const rule = summary.ruleTitle
    ? printText(summary.ruleTitle, input.languages)
    : (summary.ruleId ?? t.fee_no_rule);
  const toPay = summary.feeToPayFen === null ? t.fee_unknown : formatFen(summary.feeToPayFen);
  return html`<div class="cell third"><span class="label">${t.fee_rule}</span>${rule}</div><div class="cell third"><span class="label">${t.fee_percent}</span>${summary.reductionPercent}%</div><div class="cell third"><span class="label">${t.fee_to_pay}</span>${toPay}</div>`;
}

function cellValue(input: ApplicationInput, step: Step, shown: ReadonlySet<string>): SafeHtml | string {
  const value = input.answers[step.id];
  const t = input.texts;
  // A question the conditions skipped (e.g. hardship questions for an art. 42 group) is "not required".
  if (!shown.has(step.id)) return html`<span class="value">${t.application.not_applicable}</span>`;
  if (value === undefined) return html`<span class="value">${t.application.not_answered}</span>`;
  if (step.field.type === 'signature' && typeof value === 'string') {
    return html`<span class="signature"><svg viewBox="${SIGNATURE_VIEWBOX}" xmlns="http://www.w3.org/2000/svg"><path d="${value}"/></svg></span>`;
  }
  const yesNo = { yes: t.values.yes.plain, no: t.values.no.plain };
  const words = answerText(step, value, input.languages.visitor, yesNo, input.sourceOptions(step));
  return html`<span class="value">${answerRun(words, input.languages)}</span>`;
}

/** The prefilled A4 application, laid out like the paper form: the template's print sections and rows. */
export function buildApplicationHtml(input: ApplicationInput): string {
  const { template, texts, languages } = input;
  const t = texts.application;
  const steps = new Map(allSteps(template).map((step) => [step.id, step]));
  const shown = new Set(visibleSteps(template, input.answers).map((step) => step.id));
  const title = printText(template.print.title, languages);
  const sections = template.print.sections.map((section) => {
    const cells = section.rows.map((row) => {
      const step = steps.get(row.step)!;
      // an answer read from the ID card says so next to its label (the value keeps the whole cell width)
      const fromCard =
        input.fromIdCard?.has(step.id) && shown.has(step.id) && input.answers[step.id] !== undefined;
      const source = fromCard ? html`<span class="source">${t.from_id_card}</span>` : '';
      return html`<div class="cell ${row.width}"><span class="label">${printText(step.label, languages)}${source}</span>${cellValue(input, step, shown)}</div>`;
    });
    return html`<section><h2>${printText(section.title, languages)}</h2><div class="grid">${cells}</div></section>`;
  });
  const fee = template.slots.includes('fee_reduction')
    ? html`<section><h2>${t.fee_heading}</h2><div class="grid">${
        input.feeReduction
          ? feeCells(input, input.feeReduction)
          : html`<div class="cell full">${t.fee_none}</div>`
      }</div></section>`
    : '';
  // the papers to bring, as the branch chosen asks (agent or guardian papers, art. 32 proof, 低保 proof …)
  const papers = papersToBring(template, input.answers);
  const papersSection =
    papers.length > 0
      ? html`<section data-testid="papers"><h2>${t.papers_heading}</h2><ul class="papers">${papers.map(
          (item) =>
            html`<li><span class="box" aria-hidden="true"></span>${printText(item.text, languages)}</li>`,
        )}</ul></section>`
      : '';
  const footer = template.print.footer ? printText(template.print.footer, languages) : '';
  const body = html`<main>
<header>
${input.priority ? html`<div class="priority" data-testid="priority">${t.priority_mark}</div>` : ''}
<h1>${title}</h1>
<div class="meta">${t.receipt_no}: ${input.receiptNo} · ${t.submitted_at}: ${localDateTime(input.createdAt)} · ${t.terminal}: ${input.terminalId}</div>
</header>
${sections}
${fee}
${papersSection}
<footer>${footer}
${t.generated}</footer>
</main>`;
  return printPage({
    language: languages.visitor,
    title: `${title.plain} ${input.receiptNo}`,
    pageSize: 'A4',
    css: CSS,
    body,
  });
}
