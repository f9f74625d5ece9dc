import type { Language } from '../../common/languages';
import { staticCatalogStrings } from '../../common/speech/catalog_strings';
import { normalizeSpeechText } from '../../common/speech/text_limits';
import { loadCatalogStrings } from './catalogs';

export interface LanguageCatalog {
  /** Static strings by `namespace:key`, for pre-rendering. */
  byKey: Map<string, string>;
  /** The same strings normalized: only these may be cached on disk (never typed text). */
  texts: Set<string>;
}

/** The static catalog strings of each language, loaded once on first use. */
export function speechCatalogs(localesDir: string): (language: Language) => LanguageCatalog {
  const catalogs = new Map<Language, LanguageCatalog>();
  return (language) => {
    let catalog = catalogs.get(language);
    if (!catalog) {
      const strings = staticCatalogStrings(loadCatalogStrings(localesDir, language));
      catalog = {
        byKey: new Map(strings.map((s) => [s.key, s.text])),
        texts: new Set(strings.map((s) => normalizeSpeechText(s.text))),
      };
      catalogs.set(language, catalog);
    }
    return catalog;
  };
}
