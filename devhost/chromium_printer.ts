import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { err, ok, type Result } from '../common/result';
import type { PrintDocument, PrintError, Printer, PrintJob } from '../core/printing/printer';
import {
  createPdfRenderer,
  type PdfRenderer,
  type PdfRendererOptions,
} from '../node_shared/pdf/pdf_renderer';

export interface ChromiumPrinterOptions {
  /** `${KIOSK_DATA_DIR}/print`: one `<jobId>.pdf` per job. */
  spoolDir: string;
  /** Overrides for the renderer (tests: a missing Chromium; benchmarks: the old fresh-page-per-job path). */
  pdf?: PdfRendererOptions;
}

/**
 * The dev host's printer: the same HTML through headless Chromium's print pipeline, spooled as PDF files.
 * One warm page is reused for every job, so jobs are serialised in the order pressed; a crashed page or
 * browser is replaced and the job retried (`node_shared/pdf`).
 */
export class ChromiumPrinter implements Printer {
  private readonly renderer: PdfRenderer;

  constructor(private readonly options: ChromiumPrinterOptions) {
    this.renderer = createPdfRenderer({ pages: 1, maxWaiting: 16, ...options.pdf });
  }

  /** Starts the browser and renders a sample now, so the visitor's first print is a warm one. */
  async warm(): Promise<void> {
    await this.renderer.warm();
  }

  /** The print renderer (benchmarks read its memory; tests kill its processes). */
  get pdf(): PdfRenderer {
    return this.renderer;
  }

  async print(doc: PrintDocument): Promise<Result<PrintJob, PrintError>> {
    const rendered = await this.renderer.render(doc.html, doc.pageSize);
    if (!rendered.ok) return err({ reason: rendered.error === 'unavailable' ? 'offline' : 'failed' });
    const jobId = randomUUID();
    const file = path.join(this.options.spoolDir, `${jobId}.pdf`);
    try {
      // Owner-only: the documents hold visitors' personal data (the core shreds them after a few minutes).
      fs.mkdirSync(this.options.spoolDir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(file, rendered.value, { mode: 0o600 });
      return ok({ jobId, file });
    } catch {
      fs.rmSync(file, { force: true });
      return err({ reason: 'failed' });
    }
  }

  close(): Promise<void> {
    return this.renderer.close();
  }
}
