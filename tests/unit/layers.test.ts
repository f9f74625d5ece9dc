import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers, enforced (STYLE.md, VS Code habit): `common/` is pure (no Node, no DOM, no higher layer);
 * `electron/core`, `devhost` and `hub` never load the Electron runtime; `renderer/` never imports Node or
 * the Electron/Node side; only `electron/main` and `electron/preload` touch Electron.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|mts|cts|mjs|js)$/.test(file) && !file.includes('node_modules'))
    .map((file) => path.join(dir, file));
}

/** Runtime imports only: `import type` and `export type` are erased and may cross layers. */
function runtimeImports(text: string): string[] {
  const specifiers: string[] = [];
  const pattern =
    /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const match of text.matchAll(pattern)) specifiers.push(match[1] ?? match[2] ?? match[3]!);
  return specifiers;
}

function resolvesInto(file: string, specifier: string, layer: string): boolean {
  if (!specifier.startsWith('.')) return false;
  const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier));
  return target === layer || target.startsWith(`${layer}/`);
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|child_process$|crypto$|http$|https$|net$|url$|util$|stream$)/;

function violations(dirs: string[], forbidden: (file: string, specifier: string) => boolean): string[] {
  return dirs.flatMap(sourceFiles).flatMap((file) =>
    runtimeImports(fs.readFileSync(path.join(ROOT, file), 'utf8'))
      .filter((s) => forbidden(file, s))
      .map((s) => `${file} imports ${s}`),
  );
}

describe('layer rules', () => {
  it('common/ imports neither Node, Electron, the DOM side nor any higher layer', () => {
    expect(
      violations(
        ['common'],
        (file, s) =>
          NODE_BUILTINS.test(s) ||
          s === 'electron' ||
          ['electron', 'renderer', 'devhost', 'hub'].some((l) => resolvesInto(file, s, l)),
      ),
    ).toEqual([]);
  });

  it('the core, dev host and hub never load the Electron runtime', () => {
    expect(
      violations(
        ['electron/core', 'devhost', 'hub'],
        (_file, s) => s === 'electron' || s.startsWith('electron/'),
      ),
    ).toEqual([]);
    expect(
      violations(['electron/core', 'hub'], (file, s) =>
        ['electron/main', 'electron/preload', 'renderer', 'devhost'].some((l) => resolvesInto(file, s, l)),
      ),
    ).toEqual([]);
  });

  it('the renderer imports no Node module and nothing of the Node side', () => {
    expect(
      violations(
        ['renderer'],
        (file, s) =>
          NODE_BUILTINS.test(s) ||
          s === 'electron' ||
          ['electron', 'devhost', 'hub'].some((l) => resolvesInto(file, s, l)),
      ),
    ).toEqual([]);
  });

  it('sees runtime imports and lets type-only imports cross layers', () => {
    const text =
      "import fs from 'node:fs';\nimport type { X } from 'electron';\nconst e = require('electron');\nexport { y } from '../renderer/y';\n";
    expect(runtimeImports(text)).toEqual(['node:fs', 'electron', '../renderer/y']);
  });
});
