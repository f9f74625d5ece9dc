import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { PAGE_SIZES } from '../common/print/page';
import { err, ok, type Result } from '../common/result';
import type { PrintDocument, PrintError, Printer, PrintJob } from '../core/printing/printer';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ChromiumPrinterOptions {
  /** `${KIOSK_DATA_DIR}/print`: one `<jobId>.pdf` per job. */
  spoolDir: string;
  executablePath?: string;
}

/**
 * The dev host's printer: the same HTML through headless Chromium's print pipeline (`page.pdf()` with an
 * explicit page size), spooled as PDF files. One browser is kept warm so a print takes well under a second;
 * pages run without JavaScript and offline (the documents need neither).
 */
export class ChromiumPrinter implements Printer {
  private context: Promise<BrowserContext> | null = null;
  private userDataDir: string | null = null;

  constructor(private readonly options: ChromiumPrinterOptions) {}

  /** Starts the browser now instead of at the first print. */
  warm(): Promise<BrowserContext> {
    if (!this.context) {
      const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-printer-'));
      this.userDataDir = userDataDir;
      this.context = chromium
        .launchPersistentContext(userDataDir, {
          executablePath: this.options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          headless: true,
          args: CHROMIUM_ARGS,
          javaScriptEnabled: false,
          offline: true,
        })
        .catch((error: unknown) => {
          this.context = null;
          throw error;
        });
    }
    return this.context;
  }

  async print(doc: PrintDocument): Promise<Result<PrintJob, PrintError>> {
    let context: BrowserContext;
    try {
      context = await this.warm();
    } catch {
      return err({ reason: 'offline' });
    }
    const jobId = randomUUID();
    const file = path.join(this.options.spoolDir, `${jobId}.pdf`);
    const page = await context.newPage().catch(() => null);
    if (!page) return err({ reason: 'offline' });
    try {
      // Owner-only: the documents hold visitors' personal data (the core shreds them after a few minutes).
      fs.mkdirSync(this.options.spoolDir, { recursive: true, mode: 0o700 });
      await page.setContent(doc.html, { waitUntil: 'load' });
      const size = PAGE_SIZES[doc.pageSize];
      const pdf = await page.pdf({ width: size.width, height: size.height, printBackground: true });
      fs.writeFileSync(file, pdf, { mode: 0o600 });
      return ok({ jobId, file });
    } catch {
      fs.rmSync(file, { force: true });
      return err({ reason: 'failed' });
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const context = this.context;
    this.context = null;
    if (context) await (await context.catch(() => null))?.close();
    if (this.userDataDir) fs.rmSync(this.userDataDir, { recursive: true, force: true });
  }
}
