import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WebContentsPrintOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  createElectronPrinter,
  createPrinterInventory,
  type PrintPorts,
  type PrintSurface,
} from '../../../electron/main/electron_printer';
import { type PrinterInfoLike, printerCondition } from '../../../electron/main/printer_condition';
import { printerTestPage } from '../../../electron/main/printer_test_page';
import { createMemoryLogger } from '../../../node_shared/logger';

const IDLE = { 'printer-state': '3', 'printer-state-reasons': 'none' };

/**
 * Ports whose hidden windows are fakes that record every window opened, document loaded and print call;
 * the driver's answer is scripted.
 */
function fakePorts(printers: PrinterInfoLike[], answer = { success: true, failureReason: '' }) {
  const log = {
    windows: 0,
    destroyed: 0,
    opened: [] as string[],
    printed: [] as WebContentsPrintOptions[],
    pdf: [] as object[],
  };
  const ports: PrintPorts = {
    listPrinters: async () => printers,
    openSurface: async () => {
      log.windows++;
      let destroyed = false;
      return {
        load: async (html) => {
          log.opened.push(html);
        },
        print: async (options) => {
          log.printed.push(options);
          return answer;
        },
        printToPdf: async (pageSize) => {
          log.pdf.push(pageSize);
          return new TextEncoder().encode('%PDF-1.7 fake');
        },
        get gone() {
          return destroyed;
        },
        destroy: () => {
          destroyed = true;
          log.destroyed++;
        },
      };
    },
  };
  return { ports, log };
}

function printerWith(ports: PrintPorts, name: string, spoolDir = os.tmpdir()) {
  return createElectronPrinter({
    ports,
    printerName: () => name,
    spoolDir,
    logger: createMemoryLogger(),
    newJobId: () => 'job-1',
  });
}

const doc = { html: '<!doctype html><p>受理回执</p>', pageSize: 'A4' as const, kind: 'receipt' as const };

describe('Electron printer', () => {
  it('prints silently on the provisioned printer with an explicit page size and no margins', async () => {
    const { ports, log } = fakePorts([{ name: 'Receipt-80', options: IDLE }]);
    const printer = printerWith(ports, 'Receipt-80');
    expect(await printer.print({ ...doc, pageSize: 'receipt80mm' })).toEqual({
      ok: true,
      value: { jobId: 'job-1' },
    });
    expect(await printer.print(doc)).toEqual({ ok: true, value: { jobId: 'job-1' } });
    expect(log.printed.map((o) => o.pageSize)).toEqual([
      { width: 80_000, height: 200_000 },
      { width: 210_000, height: 297_000 },
    ]);
    expect(log.printed[0]).toMatchObject({
      silent: true,
      deviceName: 'Receipt-80',
      margins: { marginType: 'none' },
    });
    expect(log.opened).toEqual([doc.html, doc.html]);
    // One warm window serves both documents.
    expect(log.windows).toBe(1);
    expect(log.destroyed).toBe(0);
  });

  it('reports out of paper and offline from the printer state without sending a job', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ 'printer-state': '3', 'printer-state-reasons': 'media-empty-error' }, 'out_of_paper'],
      [{ 'printer-state': '5', 'printer-state-reasons': 'media-needed-warning' }, 'out_of_paper'],
      [{ 'printer-state': '5', 'printer-state-reasons': 'none' }, 'offline'],
      [{ 'printer-state': '3', 'printer-state-reasons': 'offline-report' }, 'offline'],
    ];
    for (const [options, reason] of cases) {
      const { ports, log } = fakePorts([{ name: 'P', options }]);
      expect(await printerWith(ports, 'P').print(doc), JSON.stringify(options)).toEqual({
        ok: false,
        error: { reason },
      });
      expect(log.opened).toEqual([]);
    }
  });

  it('says offline when the provisioned printer is not installed', async () => {
    const { ports, log } = fakePorts([{ name: 'Other', options: IDLE }]);
    expect(await printerWith(ports, 'Receipt-80').print(doc)).toEqual({
      ok: false,
      error: { reason: 'offline' },
    });
    expect(log.opened).toEqual([]);
  });

  it('never reports success when the driver refuses or the page cannot be opened', async () => {
    const refused = fakePorts([{ name: 'P', options: {} }], { success: false, failureReason: 'cancelled' });
    expect(await printerWith(refused.ports, 'P').print(doc)).toEqual({
      ok: false,
      error: { reason: 'failed' },
    });
    expect(refused.log.windows).toBe(1);

    const broken: PrintPorts = {
      listPrinters: async () => [{ name: 'P' }],
      openSurface: async () => {
        throw new Error('no window');
      },
    };
    expect(await printerWith(broken, 'P').print(doc)).toEqual({ ok: false, error: { reason: 'failed' } });
  });

  it('spools a PDF in the page size when no printer is provisioned', async () => {
    const spoolDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-spool-')), 'print');
    const { ports, log } = fakePorts([]);
    const result = await printerWith(ports, '', spoolDir).print(doc);
    const file = path.join(spoolDir, 'job-1.pdf');
    expect(result).toEqual({ ok: true, value: { jobId: 'job-1', file } });
    expect(fs.readFileSync(file, 'utf8')).toBe('%PDF-1.7 fake');
    expect(log.pdf).toEqual([{ width: 210 / 25.4, height: 297 / 25.4 }]);
    expect(log.printed).toEqual([]);
  });
});

/** A hidden window whose steps are logged and whose print waits until the test lets it finish. */
function scriptedSurface(name: string, events: string[], crashOnPrint = false): PrintSurface {
  let gone = false;
  let current = '';
  return {
    load: async (html) => {
      if (gone) throw new Error('render process gone');
      current = html;
      events.push(`${name} load ${html}`);
    },
    print: async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (crashOnPrint) {
        gone = true; // render-process-gone arrives while the job runs
        throw new Error('render process gone');
      }
      events.push(`${name} print ${current}`);
      return { success: true, failureReason: '' };
    },
    printToPdf: async () => new Uint8Array(),
    get gone() {
      return gone;
    },
    destroy: () => {
      events.push(`${name} destroyed`);
    },
  };
}

describe('the warm print renderer (one reused hidden window)', () => {
  const page = (html: string) => ({ html, pageSize: 'A4' as const, kind: 'receipt' as const });

  it('prints jobs pressed at once one after the other, in the order pressed, in one window', async () => {
    const events: string[] = [];
    let windows = 0;
    const ports: PrintPorts = {
      listPrinters: async () => [{ name: 'P', options: IDLE }],
      openSurface: async () => scriptedSurface(`w${++windows}`, events),
    };
    const printer = printerWith(ports, 'P');
    const results = await Promise.all(
      ['receipt', 'application', 'checklist'].map((d) => printer.print(page(d))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(events).toEqual([
      'w1 load receipt',
      'w1 print receipt',
      'w1 load application',
      'w1 print application',
      'w1 load checklist',
      'w1 print checklist',
    ]);
  });

  it('replaces a print renderer that crashes during a job and prints that job on the new one', async () => {
    const events: string[] = [];
    let windows = 0;
    const ports: PrintPorts = {
      listPrinters: async () => [{ name: 'P', options: IDLE }],
      openSurface: async () => {
        windows++;
        return scriptedSurface(`w${windows}`, events, windows === 1);
      },
    };
    const printer = printerWith(ports, 'P');
    const [first, second] = await Promise.all([
      printer.print(page('receipt')),
      printer.print(page('application')),
    ]);
    expect(first).toEqual({ ok: true, value: { jobId: 'job-1' } });
    expect(second).toEqual({ ok: true, value: { jobId: 'job-1' } });
    expect(events).toEqual([
      'w1 load receipt',
      'w1 destroyed',
      'w2 load receipt',
      'w2 print receipt',
      'w2 load application',
      'w2 print application',
    ]);
  });

  it('replaces a renderer that died while idle before the next job', async () => {
    const { ports, log } = fakePorts([{ name: 'P', options: IDLE }]);
    let surfaces = 0;
    const dying: PrintPorts = {
      ...ports,
      openSurface: async () => {
        const surface = await ports.openSurface();
        if (++surfaces > 1) return surface;
        // The first window's renderer is killed after the warm-up, while nobody prints.
        let loads = 0;
        let dead = false;
        return {
          ...surface,
          load: async (html) => {
            if (++loads > 1) dead = true;
            if (dead) throw new Error('render process gone');
            return surface.load(html);
          },
          get gone() {
            return dead;
          },
          destroy: () => surface.destroy(),
        };
      },
    };
    const printer = printerWith(dying, 'P');
    await printer.warm();
    expect(log.windows).toBe(1);
    expect(await printer.print(page('receipt'))).toEqual({ ok: true, value: { jobId: 'job-1' } });
    expect(log.windows).toBe(2);
    expect(log.destroyed).toBe(1);
    expect(log.printed).toHaveLength(1);
  });

  it('opens its window ahead of the first job when warmed, and keeps it', async () => {
    const { ports, log } = fakePorts([{ name: 'P', options: IDLE }]);
    const printer = printerWith(ports, 'P');
    await printer.warm();
    expect(log.windows).toBe(1);
    await printer.print(page('receipt'));
    await printer.print(page('application'));
    expect(log.windows).toBe(1);
    expect(log.opened.slice(1)).toEqual(['receipt', 'application']);
    await printer.close();
    expect(log.destroyed).toBe(1);
  });
});

describe('printer condition', () => {
  it('reads CUPS state and reasons, and admits when a driver says nothing', () => {
    expect(printerCondition({ name: 'p', options: IDLE })).toBe('ready');
    expect(printerCondition({ name: 'p', options: { 'printer-state': '4' } })).toBe('ready');
    expect(printerCondition({ name: 'p', options: { 'printer-state': '5' } })).toBe('offline');
    expect(printerCondition({ name: 'p', options: { 'printer-state-reasons': 'paused' } })).toBe('offline');
    expect(printerCondition({ name: 'p', options: { 'printer-state-reasons': 'media-jam-error' } })).toBe(
      'out_of_paper',
    );
    expect(printerCondition({ name: 'p', options: {} })).toBe('unknown');
    expect(printerCondition({ name: 'p' })).toBe('unknown');
  });
});

describe('printer inventory (technician mode)', () => {
  const printers: PrinterInfoLike[] = [
    { name: 'Receipt-80', options: IDLE },
    { name: 'Office-A4', options: { 'printer-state': '5' } },
    { name: 'Windows-Driver', options: {} },
  ];

  it('lists the OS printers with a status and marks the provisioned one', async () => {
    const { ports } = fakePorts(printers);
    const inventory = createPrinterInventory(printerWith(ports, 'Receipt-80'), ports, {
      printerName: () => 'Receipt-80',
      testPage: () => printerTestPage('receipt80mm', new Date('2026-11-28T06:00:00Z')),
    });
    expect(await inventory.list()).toEqual([
      { name: 'Receipt-80', isDefault: true, status: 'ok' },
      { name: 'Office-A4', isDefault: false, status: 'offline' },
      { name: 'Windows-Driver', isDefault: false, status: 'unknown' },
    ]);
  });

  it('prints a bilingual test page on a named printer, and refuses unknown or offline ones', async () => {
    const { ports, log } = fakePorts(printers);
    const inventory = createPrinterInventory(printerWith(ports, 'Receipt-80'), ports, {
      printerName: () => 'Receipt-80',
      testPage: () => printerTestPage('receipt80mm', new Date('2026-11-28T06:00:00Z')),
    });
    expect(await inventory.printTestPage('Receipt-80')).toEqual({ ok: true });
    expect(await inventory.printTestPage('Nope')).toEqual({ ok: false, reason: 'not_found' });
    expect(await inventory.printTestPage('Office-A4')).toEqual({ ok: false, reason: 'offline' });
    expect(log.printed).toHaveLength(1);
    expect(log.printed[0]).toMatchObject({
      deviceName: 'Receipt-80',
      pageSize: { width: 80_000, height: 200_000 },
    });
    expect(log.opened[0]).toContain('打印机测试页');
    expect(log.opened[0]).toContain('Printer test page');
    expect(log.opened[0]).toContain('2026-11-28 14:00');
  });
});
