import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { createKioskCore } from '../../core/kiosk_core';
import { startHttpRpcServer } from '../../devhost/http_rpc_server';
import { newRunToken } from '../../devhost/request_guard';
import { createLogger } from '../../node_shared/logger';
import { buildWeb } from '../../scripts/build_web';
import { launchChromium } from '../e2e/support/browser';
import { initialScriptBytes, RENDERER_DIST } from '../support/renderer_bundle';
import { percentile, report } from './bench_report';

// Window open (navigation start) → home screen usable: the six tiles visible and focusable and the heading
// focused; then the first keypad press (↓) → its speech starts playing. Cold: a fresh browser profile and a
// fresh core (empty speech cache); warm: a second window in the same profile and core. Before: the renderer
// as landed on main at BEFORE_COMMIT (built from git in this run: one chunk, every file no-store, the speech
// pre-render started 1.5 s after the core), measured in the same run against the same core.
const BEFORE_COMMIT = '8bc2f21';
const SAMPLES = 5;
const REPO = path.resolve(import.meta.dirname, '../..');
const TARGET = '<= 1500 ms';

/**
 * Marks, in the page's own clock (ms since navigation start), when the home screen became usable, the first
 * key press and every `play()` of the speech player. Plain JavaScript: it runs in the page before the app.
 */
const STARTUP_PROBE = `
const marks = { plays: [] };
window.__startup = marks;
const check = () => {
  const tiles = [...document.querySelectorAll('button.tile')];
  const usable = tiles.length >= 6 && tiles.every((tile) => {
    const box = tile.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && !tile.disabled && tile.tabIndex >= 0;
  });
  if (usable && marks.tiles_visible === undefined) marks.tiles_visible = performance.now();
  if (usable && document.activeElement && document.activeElement.id === 'screen-heading') marks.home_usable = performance.now();
  else requestAnimationFrame(check);
};
requestAnimationFrame(check);
document.addEventListener('keydown', () => { if (marks.first_key === undefined) marks.first_key = performance.now(); }, true);
const play = HTMLMediaElement.prototype.play;
HTMLMediaElement.prototype.play = function () { marks.plays.push(performance.now()); return play.call(this); };
`;

interface StartupMarks {
  tiles_visible: number;
  home_usable: number;
  first_key: number;
  plays: number[];
}

async function buildBefore(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-startup-before-'));
  const tar = path.join(dir, 'before.tar');
  const parts = ['renderer', 'common', 'assets', 'vite.config.ts', 'package.json'];
  execFileSync('git', ['archive', '--format=tar', '-o', tar, BEFORE_COMMIT, ...parts], { cwd: REPO });
  execFileSync('tar', ['-xf', tar, '-C', dir]);
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
  // The config's root and outDir are relative to the working directory: give both for the copy.
  await build({
    configFile: path.join(dir, 'vite.config.ts'),
    root: path.join(dir, 'renderer'),
    build: { outDir: path.join(dir, 'dist', 'renderer') },
    logLevel: 'silent',
    mode: 'production',
  });
  return path.join(dir, 'dist', 'renderer');
}

/** A kiosk core and the dev host's HTTP transport serving `staticRoot`, speech on by default. */
async function startKiosk(staticRoot: string, before: boolean) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-startup-'));
  const sample = JSON.parse(fs.readFileSync(path.join(REPO, 'assets/config.sample.json'), 'utf8'));
  const configPath = path.join(dataDir, 'kiosk.json');
  fs.writeFileSync(configPath, JSON.stringify({ ...sample, speech: { onByDefault: true } }));
  const core = createKioskCore({ dataDir, configPath, appVersion: 'bench', logger: createLogger(() => {}) });
  // The old core started its pre-render 1.5 s after itself, whatever the window was doing.
  const oldPrerender = before ? setTimeout(() => void core.dispatch('system.ready', {}), 1500) : undefined;
  const token = newRunToken();
  const server = await startHttpRpcServer({
    dispatch: core.dispatch,
    events: core.events,
    token,
    staticRoot,
    port: 0,
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close() {
      clearTimeout(oldPrerender);
      server.closeAllConnections();
      server.close();
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function openWindow(browser: BrowserContext, url: string, noStore: boolean) {
  const page = await browser.newPage();
  // The old servers sent every file no-store: nothing (and no compiled code) was kept between windows.
  if (noStore)
    await (await browser.newCDPSession(page)).send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.addInitScript({ content: STARTUP_PROBE });
  await page.goto(url);
  const marks = () => page.evaluate(() => (window as unknown as { __startup: StartupMarks }).__startup);
  await page.waitForFunction(
    () => (window as unknown as { __startup: StartupMarks }).__startup.home_usable,
    null,
    {
      timeout: 60_000,
    },
  );
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(
    () => {
      const m = (window as unknown as { __startup: StartupMarks }).__startup;
      return m.plays.some((at) => at > m.first_key);
    },
    null,
    { timeout: 60_000 },
  );
  const m = await marks();
  await page.close();
  const spoken = m.plays.find((at) => at > m.first_key)!;
  return {
    tilesVisible: m.tiles_visible,
    homeUsable: m.home_usable,
    focusSpeech: spoken - m.first_key,
    spoken,
  };
}

type Sample = Awaited<ReturnType<typeof openWindow>>;
const results: Record<string, Sample[]> = {};
function add(name: string, sample: Sample): void {
  results[name] = [...(results[name] ?? []), sample];
}

await buildWeb({ onlyIfStale: true });
const variants = [
  { name: 'before', dist: await buildBefore(), before: true },
  { name: 'after', dist: RENDERER_DIST, before: false },
];

for (const { name, dist } of variants) {
  const bytes = initialScriptBytes(dist);
  report({ bench: 'startup', metric: `${name}_initial_js`, value: bytes.raw / 1024, unit: 'KiB' });
  report({ bench: 'startup', metric: `${name}_initial_js_gzip`, value: bytes.gzip / 1024, unit: 'KiB' });
}

for (let i = 0; i < SAMPLES; i++) {
  for (const { name, dist, before } of variants) {
    const kiosk = await startKiosk(dist, before);
    const browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
    try {
      add(`${name}_cold`, await openWindow(browser, kiosk.url, before));
      add(`${name}_warm`, await openWindow(browser, kiosk.url, before));
    } finally {
      await browser.close();
      kiosk.close();
    }
  }
}

for (const [run, samples] of Object.entries(results)) {
  for (const [metric, values, target] of [
    ['tiles_visible', samples.map((s) => s.tilesVisible)],
    ['home_usable', samples.map((s) => s.homeUsable), TARGET],
    ['first_focus_speech', samples.map((s) => s.focusSpeech)],
    ['first_focus_spoken_from_open', samples.map((s) => s.spoken)],
  ] as const) {
    for (const p of [50, 95]) {
      report({
        bench: 'startup',
        metric: `${run}_${metric}_p${p}`,
        value: percentile(values, p),
        unit: 'ms',
        samples: values.length,
        ...(p === 95 && target ? { target } : {}),
      });
    }
  }
}
fs.rmSync(path.dirname(path.dirname(variants[0]!.dist)), { recursive: true, force: true });
