import type { Locator, Page } from 'playwright-core';

interface GridPosition {
  /** The target has focus. */
  focused: boolean;
  inGrid: boolean;
  row: number;
  column: number;
  targetRow: number;
  targetColumn: number;
}

/**
 * Where focus is relative to the target, in one round trip to the page: whether the target has it and, for
 * an on-screen keyboard key, the rows and columns of the grid (focus and target).
 */
async function position(target: Locator): Promise<GridPosition> {
  return target.evaluate((key) => {
    const focused = key === document.activeElement;
    const grid = key.closest('fieldset');
    const rows = key.matches('.key-grid__key') && grid ? [...grid.querySelectorAll('.key-grid__row')] : [];
    const at = (el: Element | null) => {
      const row = rows.findIndex((r) => el && r.contains(el));
      return { row, column: row < 0 ? -1 : [...rows[row]!.children].indexOf(el as Element) };
    };
    const now = at(document.activeElement);
    const wanted = at(key);
    return {
      focused,
      inGrid: now.row >= 0,
      row: now.row,
      column: now.column,
      targetRow: wanted.row,
      targetColumn: wanted.column,
    };
  });
}

/**
 * Moves focus to the target as a keypad user does: ↓ through the page's controls in reading order; inside
 * the on-screen keyboard, ↑↓ to the key's row and ←→ to the key. Fails if it cannot get there.
 */
export async function keypadFocus(page: Page, target: Locator, maxPresses = 400): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses++) {
    const at = await position(target);
    if (at.focused) return;
    const key = !at.inGrid
      ? 'ArrowDown'
      : at.row < at.targetRow
        ? 'ArrowDown'
        : at.row > at.targetRow
          ? 'ArrowUp'
          : at.column < at.targetColumn
            ? 'ArrowRight'
            : 'ArrowLeft';
    await page.keyboard.press(key);
  }
  throw new Error(`keypad could not reach ${target}`);
}

/** Moves focus to the target with the keypad and presses Enter. */
export async function keypadPress(page: Page, target: Locator): Promise<void> {
  await keypadFocus(page, target);
  await page.keyboard.press('Enter');
}

/** Presses on-screen keyboard keys by their names, keypad only. */
export async function keypadKeys(page: Page, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await keypadPress(page, page.getByRole('button', { name, exact: true }));
  }
}

/** Types pinyin on the on-screen keyboard and picks the candidate, paging until it shows. */
export async function keypadPinyin(page: Page, pinyin: string, hanzi: string): Promise<void> {
  await keypadKeys(page, [...pinyin]);
  await keypadCandidate(page, hanzi);
}

/** Picks a candidate of the pinyin typed so far, paging with the keypad until it shows. */
export async function keypadCandidate(page: Page, hanzi: string): Promise<void> {
  const candidate = page
    .locator('.key-grid__key[data-key^="candidate-"]')
    .filter({ hasText: new RegExp(`^${hanzi}$`) });
  for (let pages = 0; pages < 10 && (await candidate.count()) === 0; pages++) {
    await keypadPress(page, page.getByRole('button', { name: '下一页候选字' }));
  }
  await keypadPress(page, candidate.first());
}

/**
 * The legal-aid application's first question (1.3.0, issue 22): "applying for oneself or for another".
 * Answers "for myself" and goes on, keypad only, as a visitor applying alone does.
 */
export async function keypadApplyForSelf(page: Page): Promise<void> {
  await page.locator('#screen-heading', { hasText: '这份申请是本人申请' }).waitFor();
  await keypadPress(page, page.getByRole('radio', { name: '本人申请', exact: true }));
  await keypadPress(page, page.getByRole('button', { name: '下一步', exact: true }));
}
