import fs from 'node:fs';
import path from 'node:path';

/**
 * The project folder (the one holding `assets/`), found by walking up from `from` (a module's
 * `import.meta.dirname`): the same answer whether the module runs from its source file or from a bundle
 * elsewhere under the project (tests bundle the hub into `node_modules/.cache`).
 */
export function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'assets', 'locales'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no project folder above ${from}`);
  }
}
