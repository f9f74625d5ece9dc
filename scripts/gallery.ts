/**
 * `npm run gallery [-- --skip-build]`: writes PNG screenshots of every screen × theme × text size (and language)
 * to `gallery/`. The work is in tests/e2e/a11y/gallery_shots.ts, which drives the page with DOM types and shares
 * the e2e helpers; this launcher only runs it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/tsx/dist/cli.mjs'),
    path.join(root, 'tests/e2e/a11y/gallery_shots.ts'),
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
