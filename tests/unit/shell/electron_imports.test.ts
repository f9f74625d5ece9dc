import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(dir, file));
}

/** Module specifiers a file loads at run time (type-only imports are erased and do not count). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(path.join(ROOT, file), 'utf8'),
    ts.ScriptTarget.Latest,
  );
  return source.statements.flatMap((statement) => {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) return [];
    const bindings = statement.importClause?.namedBindings;
    const allTypes =
      bindings && ts.isNamedImports(bindings) && !statement.importClause?.name
        ? bindings.elements.every((element) => element.isTypeOnly)
        : false;
    return allTypes ? [] : [(statement.moduleSpecifier as ts.StringLiteral).text];
  });
}

/**
 * Modules that need the Electron binary when loaded. electron-updater is not one: it loads under plain Node
 * and runs there with an app adapter handed in (tests/integration/updates/electron_updater.test.ts); only its
 * default adapter and `autoUpdater` require electron, lazily, and only main.ts constructs updaters without one.
 */
const ELECTRON_RUNTIME = new Set(['electron']);

const ELECTRON_ENTRY_FILES = [
  'electron/main/kiosk_window.ts',
  'electron/main/main.ts',
  'electron/main/print_window.ts',
  'electron/preload/preload.ts',
];

describe('where the Electron runtime is loaded', () => {
  it('only the entry points and the window factories import electron; every policy module is plain Node', () => {
    const importers = [...filesUnder('electron/main'), ...filesUnder('electron/preload')]
      .filter((file) => runtimeImports(file).some((specifier) => ELECTRON_RUNTIME.has(specifier)))
      .sort();
    expect(importers).toEqual(ELECTRON_ENTRY_FILES);
  });

  it('no test loads a module that needs the Electron binary', () => {
    // Only files that mention electron at all need parsing.
    const candidates = filesUnder('tests').filter((file) =>
      fs.readFileSync(path.join(ROOT, file), 'utf8').includes('electron'),
    );
    const offenders = candidates.flatMap((file) =>
      runtimeImports(file)
        .filter((specifier) => {
          if (ELECTRON_RUNTIME.has(specifier)) return true;
          const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier));
          return ELECTRON_ENTRY_FILES.some(
            (entry) => entry.replace(/\.ts$/, '') === target.replace(/\.ts$/, ''),
          );
        })
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });
});
