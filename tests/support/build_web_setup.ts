import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Builds the renderer and the agent console when their sources changed, once before the suites that serve
 * them. In its own process: Vitest sets NODE_ENV=test, and a build inside it would ship React's development
 * build (slower, larger) instead of what terminals run.
 */
export default function setup(): void {
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/build_web.ts'), '--if-stale'],
    { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'inherit' },
  );
}
