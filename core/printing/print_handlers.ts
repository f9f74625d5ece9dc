import type { CoreDeps } from '../core_deps';
import type { FormsService } from '../forms/forms_service';
import { publishedOptionProvider } from '../forms/option_sources';
import { CONTENT_KIND, FEE_RULES_KIND } from '../published/published_kinds';
import { loadPublished } from '../published/published_store';
import type { Handlers } from '../rpc/dispatcher';
import { PrintService } from './print_service';

type PrintMethod =
  | 'print.receipt'
  | 'print.application'
  | 'print.retrieval_code'
  | 'print.fee_result'
  | 'print.checklist';

/** The print service over the core's printer (`deps.printer`; without one every print says `no_printer`). */
export function startPrinting(deps: CoreDeps, forms: FormsService): PrintService {
  return new PrintService({
    forms,
    options: publishedOptionProvider(deps.db, deps.logger),
    printer: deps.printer,
    audit: deps.audit,
    office: {
      name: deps.config?.centre.name ?? '',
      phone: deps.config?.centre.phone ?? '',
      terminalId: deps.config?.terminalId ?? '',
    },
    receiptPaper: deps.config?.printer.paper ?? 'A4',
    bilingual: deps.config?.bilingual === true,
    published: {
      feeTable: () => loadPublished(deps.db, FEE_RULES_KIND, deps.logger).value,
      guide: () => loadPublished(deps.db, CONTENT_KIND, deps.logger).value.guide,
    },
    now: deps.now,
  });
}

export function printHandlers(print: PrintService): Pick<Handlers, PrintMethod> {
  return {
    'print.receipt': ({ uuid, language }) => print.printReceipt(uuid, language),
    'print.application': ({ uuid, language }) => print.printApplication(uuid, language),
    'print.retrieval_code': ({ draftId, language }) => print.printRetrievalCode(draftId, language),
    'print.fee_result': ({ situation, language }) => print.printFeeResult(situation, language),
    'print.checklist': ({ language }) => print.printChecklist(language),
  };
}
