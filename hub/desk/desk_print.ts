import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { pickText } from '../../common/content/pick_text';
import type { AnswerValue } from '../../common/forms/answers';
import { visibleSteps } from '../../common/forms/form_logic';
import type { Step, Template } from '../../common/forms/template_schema';
import { answerText } from '../../common/print/answer_text';
import { buildApplicationHtml } from '../../common/print/application_html';
import { PAGE_SIZES } from '../../common/print/page';
import { printTextsFor, valueWordsFor } from '../../common/print/print_catalogs';
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
    sourceOptions: chosenOption(row.answers),
  });
}

/**
 * Renders the application to PDF bytes with headless Chromium (`page.pdf()` with the explicit A4 size, no
 * JavaScript, offline), like the dev host's printer. One browser per request: the desk prints rarely, and no
 * browser outlives the hub. Null when Chromium is missing or fails.
 */
export async function applicationPdf(documentHtml: string): Promise<Buffer | null> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-desk-'));
  let context: BrowserContext | null = null;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
      javaScriptEnabled: false,
      offline: true,
    });
    const page = await context.newPage();
    await page.setContent(documentHtml, { waitUntil: 'load' });
    const size = PAGE_SIZES.A4;
    return await page.pdf({ width: size.width, height: size.height, printBackground: true });
  } catch {
    return null;
  } finally {
    await context?.close().catch(() => undefined);
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}
