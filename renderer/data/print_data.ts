import { request } from './core_method';

/** The printed documents a visitor asks for; each answers a `PrintResult` the print button words. */
export const printReceipt = request('print.receipt');
export const printApplication = request('print.application');
export const printRetrievalCode = request('print.retrieval_code');
export const printFeeResult = request('print.fee_result');
export const printChecklist = request('print.checklist');
export const printStatusSlip = request('print.status_slip');
