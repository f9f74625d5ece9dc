import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKioskCore } from '../../core/kiosk_core';
import { bindIpc } from '../../electron/main/ipc_binding';
import { createKioskBridge } from '../../electron/preload/kiosk_bridge';
import { createMemoryLogger } from '../../node_shared/logger';
import { fakeIpc } from '../unit/shell/support/fake_ipc';
import { percentile, report } from './bench_report';

// A call through the Electron transport's own code (bridge → origin check → JSON/size check → dispatcher),
// with structured cloning both ways as Electron's IPC does; the real IPC hop itself is not included.
process.env.KIOSK_SPEECH_PRERENDER = '0';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-ipc-'));
const core = createKioskCore({
  dataDir,
  configPath: path.resolve(import.meta.dirname, '../../assets/config.sample.json'),
  appVersion: 'bench',
  logger: createMemoryLogger(),
});
const ipc = fakeIpc({ current: 'app://kiosk/index.html' });
const unbind = bindIpc({
  ipcMain: ipc.ipcMain,
  dispatch: core.dispatch,
  events: core.events,
  target: ipc.webContents,
  logger: createMemoryLogger(),
});
const bridge = createKioskBridge(ipc.ipcRenderer);

async function measure(metric: string, call: () => Promise<unknown>, count: number) {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await call();
    samples.push(performance.now() - start);
  }
  report({
    bench: 'ipc',
    metric: `${metric}_p50`,
    value: percentile(samples, 50),
    unit: 'ms',
    samples: count,
  });
  report({
    bench: 'ipc',
    metric: `${metric}_p95`,
    value: percentile(samples, 95),
    unit: 'ms',
    samples: count,
  });
}

await measure('small_call', () => bridge.invoke('system.provisioning', {}), 2000);
// The worst a page can send: just over the 256 KB limit, refused before the core sees it.
const oversized = { templateId: 'a'.repeat(256 * 1024) };
await measure('oversized_refusal', () => bridge.invoke('forms.start_draft', oversized), 200);

unbind();
core.close();
fs.rmSync(dataDir, { recursive: true, force: true });
