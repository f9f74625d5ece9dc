import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AnswerValue } from '../../common/forms/answers';
import { visibleSteps } from '../../common/forms/form_logic';
import { pickText } from '../../common/forms/localized';
import type { Step, Template } from '../../common/forms/template_schema';
import { answerText } from '../../common/print/answer_text';
import { buildApplicationHtml } from '../../common/print/application_html';
import { ChromiumPrinter } from '../../devhost/chromium_printer';
import { printTextsFor } from '../../electron/core/printing/print_texts';
import type { DeskLanguage } from './desk_strings';
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
  const { texts } = printTextsFor(language);
  const options = chosenOption(row.answers);
  return visibleSteps(template, row.answers)
    .filter((step) => row.answers[step.id] !== undefined && step.field.type !== 'signature')
    .map((step) => ({
      label: pickText(step.label, language).text,
      text: answerText(step, row.answers[step.id]!, language, texts.values, options(step)),
    }));
}

/** The prefilled A4 application: the SAME builder as the kiosk's print service (`common/print`). */
export function applicationHtml(template: Template, row: DeskRow, language: DeskLanguage): string {
  const { texts, language: textLanguage } = printTextsFor(language);
  const sub = row.submission;
  return buildApplicationHtml({
    language: textLanguage,
    texts,
    template,
    answers: row.answers,
    receiptNo: sub.receiptNo,
    createdAt: sub.createdAt,
    terminalId: sub.terminalId,
    priority: sub.priority === 1,
    feeReduction: row.feeReduction,
    sourceOptions: chosenOption(row.answers),
  });
}

/**
 * Renders the application to PDF bytes with headless Chromium (the dev host's printer, `page.pdf()` with an
 * explicit A4 page). One browser per request: the desk prints rarely, and no browser outlives the hub.
 */
export async function applicationPdf(documentHtml: string): Promise<Buffer | null> {
  const spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-desk-'));
  const printer = new ChromiumPrinter({ spoolDir });
  try {
    const job = await printer.print({ html: documentHtml, pageSize: 'A4', kind: 'application' });
    return job.ok && job.value.file ? fs.readFileSync(job.value.file) : null;
  } finally {
    await printer.close();
    fs.rmSync(spoolDir, { recursive: true, force: true });
  }
}
