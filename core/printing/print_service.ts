import QRCode from 'qrcode';
import type { LegalAidGuide } from '../../common/content/content_schema';
import type { PrintErrorReason } from '../../common/contract/print_methods';
import { calculateFee, type FeeSituation } from '../../common/fees/fee_engine';
import type { FeeRuleTable } from '../../common/fees/fee_rule_schema';
import type { Language } from '../../common/languages';
import { buildApplicationHtml } from '../../common/print/application_html';
import { buildChecklistHtml } from '../../common/print/checklist_html';
import type { DocumentFrameInput } from '../../common/print/document_frame';
import { buildFeeResultHtml } from '../../common/print/fee_result_html';
import { trustedMarkup } from '../../common/print/html';
import type { PageSize } from '../../common/print/page';
import { printTextsFor, statusTextsFor } from '../../common/print/print_catalogs';
import { type PrintLanguages, printText } from '../../common/print/print_runs';
import { buildReceiptHtml } from '../../common/print/receipt_html';
import { buildRetrievalCodeHtml } from '../../common/print/retrieval_code_html';
import { buildStatusSlipHtml } from '../../common/print/status_slip_html';
import type { AuditLog } from '../audit_log';
import type { FormsService } from '../forms/forms_service';
import type { OptionProvider } from '../forms/option_sources';
import { formatRetrievalCode } from '../forms/retrieval_codes';
import type { FoundStatus } from '../forms/visitor_session';
import type { PrintDocument, Printer } from './printer';

/** What the printer did with a document. */
type SendOutcome = { ok: true; jobId: string } | { ok: false; reason: PrintErrorReason };

export type PrintOutcome = SendOutcome | { ok: false; reason: 'not_found' };

/** A free-standing document's outcome: the fee engine may refuse the answers it was given. */
export type DocumentPrintOutcome = SendOutcome | { ok: false; reason: 'invalid_input' };

export interface PrintServiceOptions {
  forms: FormsService;
  options: OptionProvider;
  printer: Printer | undefined;
  audit: AuditLog;
  office: { name: string; phone: string; terminalId: string };
  /** Paper of the receipt printer (the application is always A4). */
  receiptPaper: PageSize;
  /** The terminal's bilingual setting: Mongolian and Chinese together on printouts of those sessions. */
  bilingual: boolean;
  /** The published data in use now (the same the screens show): for the fee result and the checklist. */
  published: { feeTable: () => FeeRuleTable; guide: () => LegalAidGuide };
  now: () => Date;
}

/** Builds the printed documents from the stored submission and hands them to the printer. */
export class PrintService {
  constructor(private readonly opts: PrintServiceOptions) {}

  private languages(visitor: Language): PrintLanguages {
    return { visitor, bilingual: this.opts.bilingual };
  }

  private async send(doc: PrintDocument): Promise<SendOutcome> {
    if (!this.opts.printer) return { ok: false, reason: 'no_printer' };
    let result: Awaited<ReturnType<Printer['print']>>;
    try {
      result = await this.opts.printer.print(doc);
    } catch {
      result = { ok: false, error: { reason: 'failed' } };
    }
    if (!result.ok) {
      this.opts.audit.record('kiosk', 'print.failed', `${doc.kind}.${result.error.reason}`);
      return { ok: false, reason: result.error.reason };
    }
    this.opts.audit.record('kiosk', 'print.done', doc.kind);
    return { ok: true, jobId: result.value.jobId };
  }

  /** The HTML of the receipt (also used by tests and the bench). */
  async receiptHtml(uuid: string, language: Language): Promise<string | null> {
    const submission = this.opts.forms.submissions.get(uuid);
    const template =
      submission && this.opts.forms.registry.get(submission.templateId, submission.templateVersion);
    if (!submission || !template) return null;
    const languages = this.languages(language);
    const svg = await QRCode.toString(submission.receiptNo, {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
    });
    return buildReceiptHtml({
      languages,
      texts: printTextsFor(languages),
      receiptNo: submission.receiptNo,
      formTitle: printText(template.title, languages),
      nextSteps: printText(template.receipt.nextSteps, languages),
      createdAt: submission.createdAt,
      priority: submission.priority,
      officeName: this.opts.office.name,
      officePhone: this.opts.office.phone,
      qrSvg: trustedMarkup(svg),
      pageSize: this.opts.receiptPaper,
    });
  }

  /** Null when there is no such submission, or its answers were purged after the retention period. */
  applicationHtml(uuid: string, language: Language): string | null {
    const submission = this.opts.forms.submissions.get(uuid);
    const template =
      submission && this.opts.forms.registry.get(submission.templateId, submission.templateVersion);
    const payload = submission?.payload;
    if (!submission || !template || !payload) return null;
    const languages = this.languages(language);
    return buildApplicationHtml({
      languages,
      texts: printTextsFor(languages),
      template,
      answers: payload.answers,
      receiptNo: submission.receiptNo,
      createdAt: submission.createdAt,
      terminalId: payload.terminalId,
      priority: submission.priority,
      feeReduction: payload.feeReduction,
      fromIdCard: new Set(payload.fromIdCard ?? []),
      sourceOptions: (step) =>
        step.field.type === 'single_choice' && step.field.optionsSource
          ? this.opts.options(step.field.optionsSource).options
          : [],
    });
  }

  async printReceipt(uuid: string, language: Language): Promise<PrintOutcome> {
    const doc = await this.receiptHtml(uuid, language);
    if (doc === null) return { ok: false, reason: 'not_found' };
    return this.send({ html: doc, pageSize: this.opts.receiptPaper, kind: 'receipt' });
  }

  async printApplication(uuid: string, language: Language): Promise<PrintOutcome> {
    const doc = this.applicationHtml(uuid, language);
    if (doc === null) return { ok: false, reason: 'not_found' };
    return this.send({ html: doc, pageSize: 'A4', kind: 'application' });
  }

  private frame(language: Language): DocumentFrameInput {
    const languages = this.languages(language);
    return {
      languages,
      texts: printTextsFor(languages),
      officeName: this.opts.office.name,
      officePhone: this.opts.office.phone,
      printedAt: this.opts.now().toISOString(),
      pageSize: this.opts.receiptPaper,
    };
  }

  /**
   * The fee result recomputed here from the visitor's answers with the rule table in use, so what is printed
   * is what the rules give, whatever the screen sent. Null when the engine refuses the answers.
   */
  feeResultHtml(situation: FeeSituation, language: Language): string | null {
    const table = this.opts.published.feeTable();
    const quote = calculateFee(table, situation);
    if (!quote.ok) return null;
    const matter = table.matters.find((candidate) => candidate.id === quote.value.matterId)!;
    return buildFeeResultHtml({
      ...this.frame(language),
      quote: quote.value,
      matterName: matter.name,
      tableRegion: table.region,
    });
  }

  checklistHtml(language: Language): string {
    return buildChecklistHtml({ ...this.frame(language), guide: this.opts.published.guide() });
  }

  async printFeeResult(situation: FeeSituation, language: Language): Promise<DocumentPrintOutcome> {
    const doc = this.feeResultHtml(situation, language);
    if (doc === null) return { ok: false, reason: 'invalid_input' };
    return this.send({ html: doc, pageSize: this.opts.receiptPaper, kind: 'fee_result' });
  }

  async printChecklist(language: Language): Promise<DocumentPrintOutcome> {
    const doc = this.checklistHtml(language);
    return this.send({ html: doc, pageSize: this.opts.receiptPaper, kind: 'checklist' });
  }

  statusSlipHtml(found: FoundStatus, language: Language): string {
    const frame = this.frame(language);
    // "printed at" is when the hub was asked: the slip never passes an older state off as current
    return buildStatusSlipHtml({
      ...frame,
      printedAt: found.checkedAt,
      statusTexts: statusTextsFor(frame.languages),
      status: found.status,
    });
  }

  async printStatusSlip(found: FoundStatus, language: Language): Promise<PrintOutcome> {
    const doc = this.statusSlipHtml(found, language);
    return this.send({ html: doc, pageSize: this.opts.receiptPaper, kind: 'status_slip' });
  }

  async printRetrievalCode(draftId: string, language: Language): Promise<PrintOutcome> {
    const draft = this.opts.forms.drafts.get(draftId);
    const template = draft && this.opts.forms.registry.get(draft.templateId, draft.templateVersion);
    if (!draft?.retrievalCode || !template) return { ok: false, reason: 'not_found' };
    const languages = this.languages(language);
    const doc = buildRetrievalCodeHtml({
      languages,
      texts: printTextsFor(languages),
      code: formatRetrievalCode(draft.retrievalCode),
      formTitle: printText(template.title, languages),
      pageSize: this.opts.receiptPaper,
    });
    return this.send({ html: doc, pageSize: this.opts.receiptPaper, kind: 'retrieval_code' });
  }
}
