import type { Language } from '../../common/languages';
import type { DiagnosticsDevices, PrinterInfo } from './device_ports';

/**
 * Fake devices for tests and the dev host (`KIOSK_FAKE_DEVICES=1`): two printers and a speech engine that
 * answer after a short delay, and a restart that only counts.
 */
export function createFakeDevices(options: { delayMs?: number } = {}): DiagnosticsDevices & {
  testPages: string[];
  restarts: number;
} {
  const delay = () => new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 50));
  const printers: PrinterInfo[] = [
    { name: 'Front desk A4', isDefault: true, status: 'ok' },
    { name: 'Receipt 80mm', isDefault: false, status: 'offline' },
  ];
  const fake = {
    testPages: [] as string[],
    restarts: 0,
    printers: {
      list: async () => {
        await delay();
        return printers.map((p) => ({ ...p }));
      },
      printTestPage: async (name: string) => {
        await delay();
        const printer = printers.find((p) => p.name === name);
        if (!printer) return { ok: false as const, reason: 'not_found' as const };
        if (printer.status === 'offline') return { ok: false as const, reason: 'offline' as const };
        fake.testPages.push(name);
        return { ok: true as const };
      },
    },
    speech: {
      status: async () => {
        await delay();
        const languages: Language[] = ['zh-CN', 'mn-Mong-CN', 'en'];
        return {
          status: 'ok' as const,
          reason: null,
          engine: 'fake',
          languages: languages.map((language) => ({ language, available: language !== 'mn-Mong-CN' })),
        };
      },
    },
    restart: {
      requestRestart: async () => {
        fake.restarts += 1;
      },
    },
  };
  return fake;
}

/** What a build without device access reports (never a fake "ok"): nothing found, restart unsupported. */
export const NO_DEVICES: DiagnosticsDevices = {
  printers: {
    list: async () => [],
    printTestPage: async () => ({ ok: false, reason: 'not_found' }),
  },
  speech: null,
  restart: {
    requestRestart: async () => {
      throw new Error('restart is not available in this build');
    },
  },
};
