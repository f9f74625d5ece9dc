import fs from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { projectRoot } from '../node_shared/project_root';

/** The hub's staff pages (desk, fleet, video duty desk) read `assets/locales/<language>/hub.json`. */
const LOCALES = path.join(projectRoot(import.meta.dirname), 'assets/locales');
const CATALOG_LANGUAGES = ['zh-CN', 'mn-Mong-CN', 'en'] as const;

/**
 * The languages the pages are offered in: staff read Chinese, English serves visiting staff. The Mongolian
 * drafts in the catalog are unreviewed (see `hub.meta.json`) and are not offered until a translator checks them.
 */
export const HUB_LANGUAGES = ['zh-CN', 'en'] as const;
export type HubLanguage = (typeof HUB_LANGUAGES)[number];

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(
    CATALOG_LANGUAGES.map((language) => [
      language,
      { hub: JSON.parse(fs.readFileSync(path.join(LOCALES, language, 'hub.json'), 'utf8')) as object },
    ]),
  ),
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  ns: ['hub'],
  defaultNS: 'hub',
  // The pages escape every value where they put it into HTML.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** The hub catalog's texts in one language (`t('desk.title')`, `t('fleet.summary', { total, stale })`). */
export function hubText(language: HubLanguage): TFunction<'hub'> {
  return instance.getFixedT(language, 'hub');
}

/** The page language: `?lang=` when it names one, else the browser's first choice when asked to, else Chinese. */
export function pickHubLanguage(query: string | null, acceptLanguage?: string | undefined): HubLanguage {
  if (query === 'en' || query === 'zh-CN') return query;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
