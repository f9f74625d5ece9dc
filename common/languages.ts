/** The kiosk's languages. Chinese is the default; Mongolian is traditional script, written vertically. */
export const LANGUAGES = ['zh-CN', 'mn-Mong-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** Traditional Mongolian letters and controls (U+1800–U+18AF): text holding one is shown and marked Mongolian. */
export const MONGOLIAN_SCRIPT = /[\u1800-\u18af]/;

/**
 * Catalog namespaces that are not the kiosk's: the hub's staff pages (`hub.json`). The kiosk neither bundles
 * nor pre-renders speech for them.
 */
export const HUB_NAMESPACES: readonly string[] = ['hub'];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
