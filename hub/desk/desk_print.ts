import { pickText } from '../../common/content/pick_text';
import type { AnswerValue } from '../../common/forms/answers';
import { visibleSteps } from '../../common/forms/form_logic';
import type { Step, Template } from '../../common/forms/template_schema';
import { answerText } from '../../common/print/answer_text';
import { buildApplicationHtml } from '../../common/print/application_html';
import { printTextsFor, valueWordsFor } from '../../common/print/print_catalogs';
import {
  createPdfRenderer,
  type PdfRenderer,
  type PdfRendererOptions,
} from '../../node_shared/pdf/pdf_renderer';
import type { HubLanguage as DeskLanguage } from '../hub_text';
import type { DeskRow } from './desk_view';

/** Options filled from published data on the kiosk (e.g. lawyers) are not known here: the chosen value. */
function chosenOption(answers: Record<string, AnswerValue>) {
  return (step: Step) => {
    const value = answers[step.id];
    return 'optionsSource' in step.field && step.field.optionsSource && typeof value === 'string'
      ? [{ value, label: { 'zh-CN': value, en: value } }]
      : [];
  };
}

/** The answers as the desk page shows them: label and words, in the template's order, visible steps only. */
export function answerRows(template: Template, row: DeskRow, language: DeskLanguage) {
  const words = valueWordsFor(language);
  const options = chosenOption(row.answers);
  return visibleSteps(template, row.answers)
    .filter((step) => row.answers[step.id] !== undefined && step.field.type !== 'signature')
    .map((step) => ({
      label: pickText(step.label, language).text,
      text: answerText(step, row.answers[step.id]!, language, words, options(step)),
    }));
}

/** The prefilled A4 application: the SAME builder as the kiosk's print service (`common/print`). */
export function applicationHtml(template: Template, row: DeskRow, language: DeskLanguage): string {
  // The desk prints in the staff member's language; the bilingual setting belongs to terminals.
  const languages = { visitor: language, bilingual: false };
  const sub = row.submission;
  return buildApplicationHtml({
    languages,
    texts: printTextsFor(languages),
    template,
    answers: row.answers,
    receiptNo: sub.receiptNo,
    createdAt: sub.createdAt,
    terminalId: sub.terminalId,
    priority: sub.priority === 1,
    feeReduction: row.feeReduction,
    fromIdCard: new Set(row.fromIdCard),
    sourceOptions: chosenOption(row.answers),
  });
}

/**
 * The desk's PDF renderer: one long-lived headless Chromium with a few reused pages (`node_shared/pdf`, the
 * same renderer as the dev host's printer), started when a desk first needs it and closed after ten idle
 * minutes. Ten desks printing at once share it: three render while the others wait their turn, and more
 * than thirty waiting are refused (503) rather than growing memory.
 */
export function createDeskPdf(options: PdfRendererOptions = {}): PdfRenderer {
  return createPdfRenderer({ pages: 3, maxWaiting: 30, idleCloseMs: 10 * 60_000, ...options });
}
