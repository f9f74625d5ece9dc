import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Builds the renderer once for the whole e2e run; the dev hosts then start with KIOSK_SKIP_BUILD=1. */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '../../..');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      env: { ...process.env, NODE_ENV: 'production' },
      cwd: root,
      stdio: 'inherit',
    },
  );
}
