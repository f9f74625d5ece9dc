import type { Page } from 'playwright-core';
import { type BoxProblem, sweepBoxes } from '../a11y/kiosk_page';
import { runAxe } from '../support/axe';

/** Every Mongolian run on the page: its lang, computed writing mode and whether its box sits in the viewport. */
export async function mongolianRuns(p: Page) {
  return p.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.t, .mn-run')]
      .filter(
        // Visually hidden labels (1 px boxes for screen readers) are not laid out for reading.
        (el) =>
          el.closest('[lang]')?.getAttribute('lang') === 'mn-Mong-CN' &&
          el.getClientRects().length > 0 &&
          !el.closest('.visually-hidden'),
      )
      .map((el) => ({
        text: (el.textContent ?? '').slice(0, 20),
        lang: el.closest('[lang]')?.getAttribute('lang'),
        writingMode: getComputedStyle(el).writingMode,
        font: getComputedStyle(el).fontFamily,
        clipped:
          el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1
            ? `${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`
            : '',
      })),
  );
}

/**
 * Mongolian letters laid out horizontally (text set with `t()` outside a catalog `.t` span): each text node
 * with Mongolian script whose element is not in vertical writing mode. Typed text in fields and text for screen
 * readers only are not laid out for reading as columns.
 */
export async function horizontalMongolian(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !/[\u1820-\u18af]/.test(node.textContent ?? '')) continue;
      if (
        element.closest('input, textarea, .visually-hidden, [hidden]') ||
        element.getClientRects().length === 0
      )
        continue;
      if (getComputedStyle(element).writingMode !== 'vertical-lr')
        found.push(
          `${element.tagName.toLowerCase()}.${element.className} "${(node.textContent ?? '').slice(0, 16)}"`,
        );
    }
    return found;
  });
}

export const overflowOnly = (problems: BoxProblem[]) =>
  problems.filter((p) =>
    /scrolls horizontally|sticks out|outside the viewport|text overflows/.test(p.problem),
  );

/**
 * The Mongolian checks of the screen sweep on the screen shown now: runs vertical and unclipped, no sideways
 * Mongolian, no overflow, no Cyrillic, axe clean. Adds one line per problem to `failures`, prefixed by `where`.
 */
export async function checkMongolianScreen(page: Page, where: string, failures: string[]): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  for (const run of await mongolianRuns(page)) {
    if (run.writingMode !== 'vertical-lr') failures.push(`${where}: "${run.text}" is ${run.writingMode}`);
    if (run.clipped) failures.push(`${where}: "${run.text}" is clipped ${run.clipped}`);
  }
  for (const run of await horizontalMongolian(page)) failures.push(`${where}: sideways ${run}`);
  for (const p of overflowOnly(await sweepBoxes(page))) failures.push(`${where}: ${p.what} ${p.problem}`);
  if (/[\u0400-\u04ff]/.test(await page.evaluate(() => document.body.textContent ?? '')))
    failures.push(`${where}: Cyrillic`);
  for (const v of await runAxe(page)) failures.push(`${where}: axe ${v.id} ${v.targets.join(', ')}`);
}
