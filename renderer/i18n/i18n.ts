import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../common/languages';

type Catalog = Record<string, unknown>;

// Every catalog file `assets/locales/<language>/<namespace>.json`. Review state (`*.meta.json`) stays out of
// the bundle, and the hub's staff pages (`hub.json`, common/languages.ts HUB_NAMESPACES) are not the kiosk's.
const files = import.meta.glob<Catalog>(
  [
    '../../assets/locales/*/*.json',
    '!../../assets/locales/*/*.meta.json',
    '!../../assets/locales/*/hub.json',
  ],
  {
    eager: true,
    import: 'default',
  },
);

export function catalogResources(): Record<string, Record<string, Catalog>> {
  const resources: Record<string, Record<string, Catalog>> = {};
  for (const [file, catalog] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/.]+)\.json$/.exec(file);
    if (!match) continue;
    const [, language, namespace] = match as unknown as [string, string, string];
    resources[language] ??= {};
    resources[language][namespace] = catalog;
  }
  return resources;
}

export const NAMESPACES = [...new Set(Object.values(catalogResources()).flatMap((ns) => Object.keys(ns)))];

/** One i18next instance for the app; Chinese is the fallback for keys a catalog lacks. */
export function createI18n(language: Language = DEFAULT_LANGUAGE): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: catalogResources(),
    lng: language,
    supportedLngs: [...LANGUAGES],
    fallbackLng: DEFAULT_LANGUAGE,
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

/** The language a key is actually shown in: the requested one, or Chinese when the catalog lacks it. */
export function languageOfKey(instance: I18n, key: string, language: Language, ns = 'common'): Language {
  return instance.exists(key, { lng: language, ns, fallbackLng: [] }) ? language : DEFAULT_LANGUAGE;
}
