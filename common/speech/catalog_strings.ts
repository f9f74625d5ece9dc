/**
 * The UI strings of a catalog file as the speech cache sees them: flattened dotted keys with their
 * text. Strings with `{{placeholders}}` are dynamic (their final text is only known at run time), so they
 * are synthesized live rather than pre-rendered.
 */
export interface CatalogString {
  /** `namespace:dotted.key`, the form `Utterance.key` uses. */
  key: string;
  text: string;
}

/**
 * `namespace:key.path`. The path is any printable ASCII without spaces: catalogs have keys such as
 * `keyboard.extra.-`. Keys are only looked up, never used as file names.
 */
export const CATALOG_KEY_PATTERN = /^[a-z][a-z0-9_]*:[!-~]{1,190}$/;

const PLACEHOLDER = /\{\{[^}]*\}\}/;

export function isDynamicCatalogText(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/** Every string leaf of a catalog object, with `namespace:a.b.c` keys; arrays are indexed `a.0`. */
export function flattenCatalog(namespace: string, catalog: unknown): CatalogString[] {
  const out: CatalogString[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.push({ key: `${namespace}:${path}`, text: value });
    else if (value !== null && typeof value === 'object') {
      for (const [name, child] of Object.entries(value)) walk(child, path ? `${path}.${name}` : name);
    }
  };
  walk(catalog, '');
  return out;
}

/** The strings worth pre-rendering: static (no placeholder) and not empty. */
export function staticCatalogStrings(strings: readonly CatalogString[]): CatalogString[] {
  return strings.filter((entry) => entry.text.trim() !== '' && !isDynamicCatalogText(entry.text));
}
