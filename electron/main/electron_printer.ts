import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { WebContentsPrintOptions } from 'electron';
import { PAGE_SIZES, type PageSize } from '../../common/print/page';
import { ResourcePool } from '../../common/resource_pool';
import { err, ok } from '../../common/result';
import type { PrinterInfo, PrinterInventory } from '../../core/diagnostics/device_ports';
import type { Printer } from '../../core/printing/printer';
import type { Logger } from '../../node_shared/logger';
import { type PrinterInfoLike, printerCondition } from './printer_condition';

/**
 * The warm print renderer: one hidden window (Electron: an offscreen BrowserWindow), kept open and reused
 * for document after document.
 */
export interface PrintSurface {
  /** Replaces the document it holds (rejects when the document cannot be loaded). */
  load(html: string): Promise<void>;
  print(options: WebContentsPrintOptions): Promise<{ success: boolean; failureReason: string }>;
  /** PDF bytes; pageSize in inches, as printToPDF wants it. */
  printToPdf(pageSize: { width: number; height: number }): Promise<Uint8Array>;
  /** True once its renderer process is gone (crashed or killed): it is then replaced. */
  readonly gone: boolean;
  destroy(): void;
}

/** What the printer needs of Electron, so tests can hand in fakes. */
export interface PrintPorts {
  openSurface(): Promise<PrintSurface>;
  listPrinters(): Promise<PrinterInfoLike[]>;
}

export interface ElectronPrinterOptions {
  ports: PrintPorts;
  /** The provisioned printer; empty: no printer, documents are spooled as PDF to `spoolDir`. */
  printerName: () => string;
  spoolDir: string;
  logger: Logger;
  newJobId?: () => string;
}

const MM_PER_INCH = 25.4;
const millimetres = (value: string) => Number.parseFloat(value);

/** Explicit page sizes, never the driver's default (webContents.print wants microns). */
export function pageSizeInMicrons(size: PageSize): { width: number; height: number } {
  const { width, height } = PAGE_SIZES[size];
  return { width: millimetres(width) * 1000, height: millimetres(height) * 1000 };
}

function pageSizeInInches(size: PageSize): { width: number; height: number } {
  const { width, height } = PAGE_SIZES[size];
  return { width: millimetres(width) / MM_PER_INCH, height: millimetres(height) / MM_PER_INCH };
}

type PrintFailure = 'out_of_paper' | 'offline' | 'failed';

const BLANK_DOCUMENT = '<!doctype html><html><head><meta charset="utf-8"><title>-</title></head></html>';

class PrinterBusy extends Error {
  override name = 'PrinterBusy';
}

/**
 * Prints silently on the provisioned printer with an explicit page size and no margins the driver adds.
 * Before a job the printer's state is checked (out of paper, offline, unknown name); a job the driver
 * refuses is `failed` — never a false success. Without a configured printer the PDF is spooled instead.
 * Every document goes through one warm hidden window, one job at a time in the order pressed; a window
 * whose renderer crashed is replaced and the document sent once more, so a press is never lost.
 */
export function createElectronPrinter(options: ElectronPrinterOptions): Printer & {
  printOn(deviceName: string, html: string, size: PageSize): Promise<PrintFailure | null>;
  warm(): Promise<void>;
  close(): Promise<void>;
} {
  const newJobId = options.newJobId ?? randomUUID;
  const surfaces = new ResourcePool<PrintSurface>({
    size: 1,
    maxWaiting: 16,
    maxUses: 500,
    create: () => options.ports.openSurface(),
    destroy: (surface) => surface.destroy(),
  });

  async function withDocument<T>(html: string, use: (surface: PrintSurface) => Promise<T>): Promise<T> {
    const used = await surfaces.use(
      async (surface) => {
        await surface.load(html);
        return use(surface);
      },
      // A window whose renderer crashed is replaced and gets the document once more, keeping its turn.
      (_error, surface) => {
        if (surface.gone) options.logger.warn('print.renderer_replaced', {});
        return surface.gone;
      },
    );
    if (!used.ok) throw new PrinterBusy();
    return used.value;
  }

  async function printOn(deviceName: string, html: string, size: PageSize): Promise<PrintFailure | null> {
    const printers = await options.ports.listPrinters();
    const info = printers.find((candidate) => candidate.name === deviceName);
    if (!info) return 'offline';
    const condition = printerCondition(info);
    if (condition === 'out_of_paper' || condition === 'offline') return condition;
    const result = await withDocument(html, (surface) =>
      surface.print({
        silent: true,
        deviceName,
        pageSize: pageSizeInMicrons(size),
        margins: { marginType: 'none' },
        printBackground: true,
        color: false,
        copies: 1,
      }),
    );
    if (result.success) return null;
    options.logger.warn('print.job_refused', { reason: result.failureReason.slice(0, 40) });
    return 'failed';
  }

  return {
    printOn,
    /** Opens the window ahead of the first job (the core calls this once the first screen is up). */
    async warm() {
      await withDocument(BLANK_DOCUMENT, async () => undefined).catch(() => undefined);
    },
    async close() {
      surfaces.close();
    },
    async print(doc) {
      const jobId = newJobId();
      try {
        const deviceName = options.printerName();
        if (!deviceName) {
          const pdf = await withDocument(doc.html, (surface) =>
            surface.printToPdf(pageSizeInInches(doc.pageSize)),
          );
          // Owner-only: visitors' personal data (the core shreds spooled files after a few minutes).
          fs.mkdirSync(options.spoolDir, { recursive: true, mode: 0o700 });
          const file = path.join(options.spoolDir, `${jobId}.pdf`);
          fs.writeFileSync(file, pdf, { mode: 0o600 });
          return ok({ jobId, file });
        }
        const failure = await printOn(deviceName, doc.html, doc.pageSize);
        return failure ? err({ reason: failure }) : ok({ jobId });
      } catch (error) {
        options.logger.error('print.failed', {
          kind: doc.kind,
          error: error instanceof Error ? error.name : 'unknown',
        });
        return err({ reason: 'failed' });
      }
    },
  };
}

const INVENTORY_STATUS = {
  ready: 'ok',
  unknown: 'unknown',
  out_of_paper: 'degraded',
  offline: 'offline',
} as const;

/**
 * The technician's printer list and test page. Electron 45 no longer reports which printer is the OS
 * default, so `isDefault` marks the provisioned one.
 */
export function createPrinterInventory(
  printer: ReturnType<typeof createElectronPrinter>,
  ports: PrintPorts,
  options: { printerName: () => string; testPage: () => { html: string; size: PageSize } },
): PrinterInventory {
  return {
    async list(): Promise<PrinterInfo[]> {
      const configured = options.printerName();
      return (await ports.listPrinters()).map((info) => ({
        name: info.name,
        isDefault: info.name === configured,
        status: INVENTORY_STATUS[printerCondition(info)],
      }));
    },
    async printTestPage(name) {
      const known = (await ports.listPrinters()).some((info) => info.name === name);
      if (!known) return { ok: false, reason: 'not_found' };
      const { html, size } = options.testPage();
      try {
        const failure = await printer.printOn(name, html, size);
        if (!failure) return { ok: true };
        return { ok: false, reason: failure === 'failed' ? 'failed' : 'offline' };
      } catch {
        return { ok: false, reason: 'failed' };
      }
    },
  };
}
