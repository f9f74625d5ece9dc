import type { CoreDeps } from '../core_deps';
import type { FormsService } from '../forms/forms_service';
import type { VisitorSession } from '../forms/visitor_session';
import { CONTENT_KIND, FEE_RULES_KIND } from '../published/published_kinds';
import { loadPublished } from '../published/published_store';
import type { Handlers } from '../rpc/dispatcher';
import { PrintService } from './print_service';

type PrintMethod =
  | 'print.receipt'
  | 'print.application'
  | 'print.retrieval_code'
  | 'print.fee_result'
  | 'print.checklist'
  | 'print.status_slip';

/** The print service over the core's printer (`deps.printer`; without one every print says `no_printer`). */
export function startPrinting(deps: CoreDeps, forms: FormsService): PrintService {
  return new PrintService({
    forms,
    options: forms.options,
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

const NOT_FOUND = { ok: false, reason: 'not_found' } as const;

/**
 * The visitor's prints. Documents of a submission or a kept draft print only when they belong to the session
 * at the screen (anyone else's answer as not found); staff print the others with `staff.print`, audited.
 */
export function printHandlers(print: PrintService, visitor: VisitorSession): Pick<Handlers, PrintMethod> {
  return {
    'print.receipt': ({ uuid, language }) =>
      visitor.ownsSubmission(uuid) ? print.printReceipt(uuid, language) : NOT_FOUND,
    'print.application': ({ uuid, language }) =>
      visitor.ownsSubmission(uuid) ? print.printApplication(uuid, language) : NOT_FOUND,
    'print.retrieval_code': ({ draftId, language }) =>
      visitor.ownsDraft(draftId) ? print.printRetrievalCode(draftId, language) : NOT_FOUND,
    'print.fee_result': ({ situation, language }) => print.printFeeResult(situation, language),
    'print.checklist': ({ language }) => print.printChecklist(language),
    'print.status_slip': ({ language }) => {
      const found = visitor.lastStatus();
      return found ? print.printStatusSlip(found, language) : NOT_FOUND;
    },
  };
}
