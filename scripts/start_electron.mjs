// `npm start`: builds the renderer and the Electron bundles, makes sure the Electron binary and an
// Electron build of better-sqlite3 are present, then runs the kiosk. Extra arguments are passed on
// (e.g. `npm start -- --technician`). Child processes get argument arrays, never a shell string.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const WEB_HINT =
  'The kiosk also runs without Electron: `npm run start:web` serves it on http://127.0.0.1:5199/ for Chromium.';

function fail(message) {
  console.error(`\n${message}\n${WEB_HINT}\n`);
  process.exit(1);
}

function run(step, command, args, env = process.env) {
  console.log(`> ${step}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  return result.status === 0;
}

/** The Electron executable, or null when the binary has not been downloaded (path.txt names it). */
function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

if (
  !run('build renderer', process.execPath, [
    path.join(root, 'node_modules/tsx/dist/cli.mjs'),
    path.join(root, 'scripts/build_web.ts'),
  ])
) {
  fail('Building the renderer failed.');
}
if (!run('build Electron bundles', process.execPath, [path.join(root, 'scripts/build_electron.mjs')])) {
  fail('Building the Electron main and preload bundles failed.');
}

let binary = electronBinary();
if (!binary) {
  const { ELECTRON_SKIP_BINARY_DOWNLOAD: _skip, ...env } = process.env;
  run('download the Electron binary', process.execPath, [path.join(electronDir, 'install.js')], env);
  binary = electronBinary();
  if (!binary) {
    fail(
      'The Electron binary is not installed and could not be downloaded (this machine may have no network ' +
        'access to the Electron release mirror; set ELECTRON_MIRROR to use another one).',
    );
  }
}

// better-sqlite3 is a native module: the copy in node_modules is built for Node (tests, dev host). Electron
// needs a build for its own ABI; probe it with Electron's embedded Node before starting the window.
const probe = () =>
  spawnSync(binary, ['-e', "require('better-sqlite3')(':memory:').close()"], {
    cwd: root,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: 'ignore',
  }).status === 0;
if (!probe()) {
  const rebuilt = run(
    'rebuild better-sqlite3 for Electron',
    path.join(root, 'node_modules/.bin/electron-builder'),
    ['install-app-deps'],
  );
  if (!rebuilt || !probe())
    fail('better-sqlite3 could not be rebuilt for Electron (this needs network access).');
  console.log(
    'Note: better-sqlite3 is now built for Electron; run `npm rebuild better-sqlite3` before `npm test`.',
  );
}

const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
