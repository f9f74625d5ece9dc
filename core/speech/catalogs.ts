import fs from 'node:fs';
import path from 'node:path';
import { HUB_NAMESPACES } from '../../common/languages';
import { type CatalogString, flattenCatalog } from '../../common/speech/catalog_strings';

/**
 * Every string of every kiosk catalog of one language (`<localesDir>/<language>/<ns>.json`; review files
 * `*.meta.json` and the hub's pages skipped), with `namespace:dotted.key` keys. A missing folder gives an
 * empty list.
 */
export function loadCatalogStrings(localesDir: string, language: string): CatalogString[] {
  const dir = path.join(localesDir, language);
  let files: string[];
  try {
    files = fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
  return files
    .filter((file) => file.endsWith('.json') && !file.endsWith('.meta.json'))
    .filter((file) => !HUB_NAMESPACES.includes(file.slice(0, -'.json'.length)))
    .flatMap((file) => {
      const namespace = file.slice(0, -'.json'.length);
      try {
        return flattenCatalog(namespace, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
      } catch {
        return [];
      }
    });
}
