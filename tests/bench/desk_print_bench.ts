import fs from 'node:fs';
import { ok } from '../../common/result';
import { createDeskPdf } from '../../hub/desk/desk_print';
import { createHubServer, listenHub } from '../../hub/hub_server';
import { openSqliteHubStore } from '../../hub/storage/sqlite_hub_store';
import { createLogger } from '../../node_shared/logger';
import { createPdfRenderer, type PdfRenderer } from '../../node_shared/pdf/pdf_renderer';
import { publishLegalAid, token } from '../integration/staff/desk_support';
import { STAFF_PIN, startStaffCore } from '../integration/staff/staff_support';
import { tempDir } from '../integration/sync/support/hub_harness';
import { percentile, report } from './bench_report';

// The hub desk's "print the application" (GET …/application.pdf through the real hub), one desk and ten at
// once. Before: a fresh Chromium per request with the full CJK font, as the desk did until now (the same
// renderer module, started and closed around each request); after: createDeskPdf().
const CENTRE = 'baotou-city-centre';
const TARGET = 'p95 <= 500 ms';

/** The old desk path: a browser of its own for every PDF; counts how many ran at once. */
function freshBrowserPerRequest(): PdfRenderer & { peak: number } {
  let live = 0;
  let peak = 0;
  return {
    get peak() {
      return peak;
    },
    async render(html, size) {
      live++;
      peak = Math.max(peak, live);
      const own = createPdfRenderer({ fontDir: null });
      try {
        return await own.render(html, size);
      } finally {
        await own.close();
        live--;
      }
    },
    warm: async () => ok(undefined),
    memory: () => null,
    profileDir: null,
    launches: 0,
    close: async () => undefined,
  };
}

const dataDir = tempDir('desk-print-bench');
const store = openSqliteHubStore(dataDir);
await publishLegalAid(store);
const staff = await token(store, 'staff', CENTRE);
const terminal = await token(store, 'terminal', CENTRE, 'sample-kiosk-01');

async function withHub(deskPdf: PdfRenderer, measure: (pdf: () => Promise<number>) => Promise<void>) {
  const hub = await listenHub(
    createHubServer({ store, dataDir, logger: createLogger(() => {}), deskPdf }),
    0,
  );
  const kiosk = startStaffCore({ hubUrl: hub.url, hubToken: terminal });
  try {
    const uuid = await kiosk.visitorSubmits();
    await kiosk.call('staff.unlock', { pin: STAFF_PIN });
    await kiosk.call('staff.send_now', {});
    const pdf = async () => {
      const start = performance.now();
      const response = await fetch(`${hub.url}/desk/s/${uuid}/application.pdf`, {
        headers: { authorization: `Bearer ${staff}` },
      });
      if (response.status !== 200 || (await response.arrayBuffer()).byteLength < 1000)
        throw new Error(`desk pdf: ${response.status}`);
      return performance.now() - start;
    };
    await measure(pdf);
  } finally {
    kiosk.close();
    await hub.close();
    await deskPdf.close();
  }
}

function reportSamples(metric: string, samples: number[], target?: string): void {
  for (const p of [50, 95]) {
    report({
      bench: 'desk_print',
      metric: `${metric}_p${p}`,
      value: percentile(samples, p),
      unit: 'ms',
      samples: samples.length,
      ...(p === 95 && target ? { target } : {}),
    });
  }
}

async function concurrent(pdf: () => Promise<number>, rounds: number) {
  const each: number[] = [];
  const walls: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    each.push(...(await Promise.all(Array.from({ length: 10 }, pdf))));
    walls.push(performance.now() - start);
  }
  return { each, walls };
}

const before = freshBrowserPerRequest();
await withHub(before, async (pdf) => {
  const one: number[] = [];
  for (let i = 0; i < 5; i++) one.push(await pdf());
  reportSamples('before_fresh_browser_1', one);
  const ten = await concurrent(pdf, 1);
  reportSamples('before_fresh_browser_10_concurrent', ten.each);
  report({ bench: 'desk_print', metric: 'before_10_concurrent_wall', value: ten.walls[0]!, unit: 'ms' });
  report({
    bench: 'desk_print',
    metric: 'before_10_concurrent_browsers',
    value: before.peak,
    unit: 'browsers',
  });
});

const after = createDeskPdf();
await withHub(after, async (pdf) => {
  report({ bench: 'desk_print', metric: 'after_cold_first', value: await pdf(), unit: 'ms' });
  const one: number[] = [];
  for (let i = 0; i < 20; i++) one.push(await pdf());
  reportSamples('after_1', one, TARGET);
  const ten = await concurrent(pdf, 5);
  reportSamples('after_10_concurrent', ten.each);
  reportSamples('after_10_concurrent_wall', ten.walls);
  report({
    bench: 'desk_print',
    metric: 'after_10_concurrent_browsers',
    value: after.launches,
    unit: 'browsers',
  });
  const memory = after.memory();
  if (memory) {
    report({ bench: 'desk_print', metric: 'after_rss', value: memory.rssBytes / 2 ** 20, unit: 'MiB' });
    report({ bench: 'desk_print', metric: 'after_pss', value: memory.pssBytes / 2 ** 20, unit: 'MiB' });
    report({ bench: 'desk_print', metric: 'after_processes', value: memory.processes, unit: 'processes' });
  }
});

await store.close();
fs.rmSync(dataDir, { recursive: true, force: true });
