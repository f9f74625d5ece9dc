import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the renderer with Vite when the build is missing or older than its sources. */
export function ensureRendererBuilt(projectRoot: string, outDir: string): void {
  const index = path.join(outDir, 'index.html');
  const sources = ['renderer', 'common', 'assets/locales', 'assets/fonts'].map((dir) =>
    path.join(projectRoot, dir),
  );
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const newestSource = Math.max(...sources.filter((dir) => fs.existsSync(dir)).map(newestMtime));
  if (built >= newestSource) return;
  const vite = path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
}
