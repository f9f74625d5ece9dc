import type { WebContents } from 'electron';
import type { KioskConfig } from '../../common/config_schema';
import type { KioskCoreOptions } from '../../core/kiosk_core';
import { spoolDirOf } from '../../core/printing/print_spool';
import type { UpdateInstaller } from '../../core/updates/update_installer';
import type { Logger } from '../../node_shared/logger';
import { createElectronPrinter, createPrinterInventory } from './electron_printer';
import { electronPrintPorts } from './print_window';
import { printerTestPage } from './printer_test_page';

export interface CoreAdapterOptions {
  /** Any live webContents, to ask the OS for its printers. */
  printerList: () => WebContents;
  dataDir: string;
  logger: Logger;
  /** The current provisioning (read at each job, so a technician's config edit takes effect). */
  config: () => KioskConfig | null;
  restart: () => void;
  /** electron-updater behind the core's UpdateInstaller interface. */
  installer: UpdateInstaller;
}

/** The Electron side of the core's device ports: printer, printer inventory, restart and self-update. */
export function coreAdapters(options: CoreAdapterOptions): Pick<KioskCoreOptions, 'printer' | 'technician'> {
  const printerName = () => options.config()?.printer.name ?? '';
  const ports = electronPrintPorts(options.printerList);
  const printer = createElectronPrinter({
    ports,
    printerName,
    spoolDir: spoolDirOf(options.dataDir),
    logger: options.logger,
  });
  const printers = createPrinterInventory(printer, ports, {
    printerName,
    testPage: () => printerTestPage(options.config()?.printer.paper ?? 'A4', new Date()),
  });
  return {
    printer,
    technician: {
      devices: {
        printers,
        // After the RPC has answered the technician's screen.
        restart: { requestRestart: async () => void setImmediate(options.restart) },
      },
      installer: options.installer,
    },
  };
}
