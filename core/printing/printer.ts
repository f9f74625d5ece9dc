import type { PageSize } from '../../common/print/page';
import type { Result } from '../../common/result';

export type PrintDocumentKind =
  | 'receipt'
  | 'application'
  | 'retrieval_code'
  | 'fee_result'
  | 'checklist'
  | 'status_slip';

/** One document to print: complete HTML and the page size to print it on (never the driver's default). */
export interface PrintDocument {
  html: string;
  pageSize: PageSize;
  kind: PrintDocumentKind;
}

/** Why a printer did not print. The visitor is told in large text and speech; never a false success. */
export interface PrintError {
  reason: 'out_of_paper' | 'offline' | 'failed';
}

export interface PrintJob {
  jobId: string;
  /** Where a PDF was spooled, when the printer writes files (dev host). */
  file?: string;
}

/**
 * A printer. In Electron: one reused hidden window loads the HTML and calls `webContents.print` with the
 * configured device and explicit page size (or `printToPDF`); in the dev host: one reused headless Chromium
 * page's `page.pdf()`, spooled to `${KIOSK_DATA_DIR}/print/`. Either serialises its jobs in the order
 * pressed and replaces a crashed renderer. The core only sees this interface.
 */
export interface Printer {
  print(doc: PrintDocument): Promise<Result<PrintJob, PrintError>>;
  /** Prepares the print renderer ahead of the first job (the core calls it once the first screen is up). */
  warm?(): Promise<void>;
  close?(): Promise<void>;
}
