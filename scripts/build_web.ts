import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

/**
 * The two browser apps, built by Vite at build time: the kiosk renderer (served by the dev host and by
 * Electron's app:// protocol) and the agent console (served by the hub at /agent). Nothing builds at run time.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const TARGETS = [
  { name: 'renderer', config: 'vite.config.ts', output: 'dist/renderer/index.html', sources: ['renderer'] },
  {
    name: 'agent',
    config: 'vite.agent.config.ts',
    output: 'dist/agent/agent.js',
    sources: ['agent', 'renderer/screens/video'],
  },
] as const;
const SHARED_SOURCES = ['common', 'assets/locales', 'assets/fonts', 'assets/input', 'package.json'];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function isStale(target: (typeof TARGETS)[number]): boolean {
  const output = path.join(ROOT, target.output);
  if (!fs.existsSync(output)) return true;
  const sources = [...target.sources, ...SHARED_SOURCES, target.config].map((s) => path.join(ROOT, s));
  return Math.max(...sources.map(newestMtime)) > fs.statSync(output).mtimeMs;
}

/** Builds the renderer and the agent console; with `onlyIfStale`, only those older than their sources. */
export async function buildWeb(options: { onlyIfStale?: boolean } = {}): Promise<void> {
  for (const target of TARGETS) {
    if (options.onlyIfStale && !isStale(target)) continue;
    await build({ configFile: path.join(ROOT, target.config), logLevel: 'warn', mode: 'production' });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  buildWeb({ onlyIfStale: process.argv.includes('--if-stale') }).catch((error: unknown) => {
    process.stderr.write(`Building the web apps failed: ${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  });
}
