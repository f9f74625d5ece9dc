import type { Page } from 'playwright-core';
import { LANDSCAPE, navigate, PORTRAIT, setSettings } from '../a11y/kiosk_page';

/** Batu (ᠪᠠᠲᠤ) by the Mongolian keyboard's key names. */
const NAME_KEYS = ['蒙古文字母 ba', '蒙古文字母 a', '蒙古文字母 ta', '蒙古文字母 u'];

/**
 * Gallery pages the screen sweep does not reach: a Mongolian session's form step with the Mongolian keyboard
 * and a typed name, and the review screen showing that name, at M landscape and XL portrait.
 */
export async function shootMongolianForm(page: Page, shoot: (file: string) => Promise<void>): Promise<void> {
  for (const [viewport, size, label] of [
    [LANDSCAPE, 'M', 'landscape'],
    [PORTRAIT, 'XL', 'portrait'],
  ] as const) {
    await page.setViewportSize(viewport);
    await navigate(page, { name: 'form_start', templateId: 'legal_aid_application' });
    await setSettings(page, { theme: 'default', language: 'mn-Mong-CN', textSize: size });
    await page.locator('main .kiosk-button--primary').first().click();
    // legal aid 1.3.0 first asks who applies: for oneself
    await page.getByRole('radio', { name: '本人申请', exact: true }).click();
    await page.locator('main .kiosk-button--primary').first().click();
    await page.locator('[data-layout="mongolian"]').waitFor();
    for (const name of NAME_KEYS) await page.getByRole('button', { name, exact: true }).click();
    await shoot(`mongolian_form/step_keyboard_mn-Mong-CN_${size}_${label}.png`);
    const screen = await page.evaluate(() => window.__kioskDebug!.store.getState().screen);
    await page.locator('main .kiosk-button--primary').first().click();
    await page.waitForFunction(
      () => (window.__kioskDebug!.store.getState().screen as { stepId?: string }).stepId !== 'full_name',
    );
    await navigate(page, { name: 'form_review', draftId: (screen as { draftId: string }).draftId });
    await page.locator('#review-answer-full_name').waitFor();
    await shoot(`mongolian_form/review_mn-Mong-CN_${size}_${label}.png`);
  }
  await page.setViewportSize(LANDSCAPE);
}
