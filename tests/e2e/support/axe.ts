import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'wcag2aaa'];

export interface AxeViolationSummary {
  id: string;
  impact: string | null | undefined;
  targets: string[];
  summary: string;
}

/**
 * Runs axe-core in the page with the WCAG A–AAA tags and the target-size minimum raised to 44 px.
 * Injected through `addScriptTag` with content, which the page CSP allows for DevTools-protocol evaluation.
 */
export async function runAxe(page: Page): Promise<AxeViolationSummary[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(
    async ({ tags }) => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
      const axe = (window as any).axe;
      axe.configure({
        checks: [{ id: 'target-size', options: { minSize: 44 } }],
      });
      return axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    },
    { tags: AXE_TAGS },
  )) as AxeResults;
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    targets: violation.nodes.slice(0, 5).map((node) => String(node.target.join(' '))),
    summary: violation.nodes[0]?.failureSummary ?? violation.help,
  }));
}
