import type { Language } from '../../common/languages';
import { fontSizePx, type ScreenGeometry, type TextSizeId } from './text_sizes';
import { expandTheme, type ThemeId } from './themes';

/**
 * Puts the visitor's settings on the document: theme roles as CSS variables, the base font size,
 * and the page language. Set through the CSSOM, which the CSP allows (no inline style sheets).
 */
export function applySettings(
  root: HTMLElement,
  settings: { theme: ThemeId; textSize: TextSizeId; language: Language },
  screen: ScreenGeometry,
): void {
  for (const [role, colour] of Object.entries(expandTheme(settings.theme))) {
    root.style.setProperty(`--c-${role}`, colour);
  }
  root.style.setProperty('--font-size', `${fontSizePx(settings.textSize, screen)}px`);
  root.dataset.theme = settings.theme;
  root.dataset.textSize = settings.textSize;
  root.lang = settings.language;
}
