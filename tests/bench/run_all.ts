import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm run bench`: runs every `tests/bench/*_bench.ts` in its own process, one after the other;
 * `npm run bench -- print` runs `print_bench.ts` only.
 * Each prints its results as JSON lines: {"bench": name, "metric": …, "value": …, "unit": …, "target": …}.
 */
const dir = import.meta.dirname;
const only = process.argv[2];
const benches = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith('_bench.ts'))
  .filter((file) => !only || file === `${only}_bench.ts`)
  .sort();
const tsx = path.resolve(dir, '../../node_modules/tsx/dist/cli.mjs');
for (const file of benches) {
  execFileSync(process.execPath, [tsx, path.join(dir, file)], { stdio: 'inherit' });
}
