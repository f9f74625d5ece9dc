import path from 'node:path';
import { parseArgs } from 'node:util';
import { catalogCoverage, coverageProblems, formatCoverage } from './catalog_coverage_report';

/**
 * `npm run catalog:coverage [-- --locales DIR] [--json]`: per language and namespace, keys covered, keys
 * falling back to Chinese and strings not reviewed by a translator. Exits 1 on a string with no Chinese key
 * or a Mongolian string in Cyrillic.
 */
const { values } = parseArgs({
  options: {
    locales: { type: 'string', default: path.resolve(import.meta.dirname, '..', 'assets', 'locales') },
    json: { type: 'boolean', default: false },
  },
});
const rows = catalogCoverage(path.resolve(values.locales));
console.log(values.json ? JSON.stringify(rows, null, 2) : formatCoverage(rows));
const problems = coverageProblems(rows);
for (const problem of problems) console.error(problem);
process.exitCode = problems.length ? 1 : 0;
