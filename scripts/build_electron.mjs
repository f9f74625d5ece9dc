// Bundles the Electron main process and the preload with esbuild into dist/electron/.
// main.cjs: CommonJS (package.json "main"), Node side, native/Electron modules left external.
// preload.cjs: one CommonJS file whose only require is 'electron' (sandboxed preloads can load nothing else).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'electron');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 45 ships Node 22 and Chromium 140.
  target: 'node22',
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
};

await build({
  ...common,
  entryPoints: [path.join(root, 'electron', 'main', 'main.ts')],
  outfile: path.join(outDir, 'main.cjs'),
  // Native modules load their binaries from node_modules at run time (the SQLCipher build of SQLite for the
  // kiosk database, the card reader's serial port and vendor-library FFI).
  external: [
    'electron',
    'better-sqlite3',
    'better-sqlite3-multiple-ciphers',
    'koffi',
    'serialport',
    'electron-updater',
    'builder-util-runtime',
  ],
  // Core modules written as ESM may read import.meta.url; in the CJS bundle it is this file's URL.
  define: { 'import.meta.url': '__kioskModuleUrl' },
  banner: { js: 'const __kioskModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
});

await build({
  ...common,
  entryPoints: [path.join(root, 'electron', 'preload', 'preload.ts')],
  outfile: path.join(outDir, 'preload.cjs'),
  external: ['electron'],
});

// The shell's own static pages (the staff crash page) travel next to the bundle.
fs.cpSync(path.join(root, 'electron', 'main', 'static'), path.join(outDir, 'static'), { recursive: true });

const preload = fs.readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
const required = [...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
const foreign = required.filter((name) => name !== 'electron');
if (foreign.length > 0) {
  console.error(`preload.cjs must require only 'electron', but requires: ${foreign.join(', ')}`);
  process.exit(1);
}
console.log(`Built ${path.relative(root, outDir)}/main.cjs and preload.cjs`);
