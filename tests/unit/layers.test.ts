import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

/**
 * The layers, enforced (STYLE.md, VS Code habit). Each deployable stands alone:
 * - `common/` is pure TypeScript: no Node, no DOM side, no other layer.
 * - `node_shared/` is Node code the kiosk core, the dev host and the hub share: it imports only `common/`.
 * - `core/` (the kiosk core) never loads Electron and knows nothing of the shell, dev host, hub or renderer.
 * - `hub/` imports only `common/` and `node_shared/`; `devhost/` adds the kiosk core.
 * - `electron/` is the only place that touches Electron; it hosts the core, never the dev host or the hub.
 * - `renderer/` and `agent/` (browser apps) import no Node and nothing of the Node side.
 * A relative string that points into a forbidden layer counts too, import or not (a path built at run time
 * to another layer's source is a crossing the imports do not show).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const LAYERS = ['common', 'node_shared', 'core', 'hub', 'devhost', 'electron', 'renderer', 'agent'] as const;
type Layer = (typeof LAYERS)[number];

const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  common: [],
  node_shared: ['common'],
  core: ['common', 'node_shared'],
  hub: ['common', 'node_shared'],
  devhost: ['common', 'node_shared', 'core'],
  electron: ['common', 'node_shared', 'core'],
  renderer: ['common'],
  agent: ['common', 'renderer'],
};
const BROWSER: readonly Layer[] = ['common', 'renderer', 'agent'];
const ELECTRON_ALLOWED: readonly string[] = ['electron/main', 'electron/preload'];

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

/** Every relative string literal outside type-only imports: imports and run-time paths alike. */
function relativeStrings(text: string): string[] {
  const withoutTypeImports = text.replace(/^\s*(?:import|export)\s+type\b[^;]*;/gm, '');
  return [...withoutTypeImports.matchAll(/['"`](\.\.?\/[^'"`\n$]*)['"`]/g)].map((m) => m[1]!);
}

function layerOf(relativePath: string): Layer | null {
  return LAYERS.find((l) => relativePath === l || relativePath.startsWith(`${l}/`)) ?? null;
}

function target(file: string, specifier: string): string {
  return path.relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier));
}

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function crossings(layer: Layer): string[] {
  return sourceFiles(layer).flatMap((file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const problems: string[] = [];
    for (const spec of relativeStrings(text)) {
      const into = layerOf(target(file, spec));
      if (into && into !== layer && !MAY_IMPORT[layer].includes(into)) problems.push(`${file} → ${spec}`);
    }
    for (const spec of runtimeImports(text)) {
      if (BROWSER.includes(layer) && NODE_BUILTINS.has(spec)) problems.push(`${file} imports ${spec}`);
      const electron = spec === 'electron' || spec.startsWith('electron/');
      if (electron && !ELECTRON_ALLOWED.some((dir) => file.startsWith(`${dir}/`)))
        problems.push(`${file} imports ${spec}`);
    }
    return problems;
  });
}

/** The package a bare specifier names (`@scope/name` or `name`), or null for relative paths and builtins. */
function packageName(specifier: string): string | null {
  if (specifier.startsWith('.') || NODE_BUILTINS.has(specifier) || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/**
 * The renderer reaches the core through its data layer (`renderer/data/`: per-feature query hooks, action
 * functions and event hooks); only that layer and the RPC client itself (`renderer/rpc/`) import the raw `call`
 * or `subscribe`. Elsewhere the client gives only `RpcCallError`, to tell a refused call from a bug.
 */
const RPC_CLIENT = 'renderer/rpc/api';
const MAY_CALL_RAW = ['renderer/data/', 'renderer/rpc/'];

/** The names a file imports at run time from `specifier`s that resolve to the RPC client. */
function rpcClientImports(file: string, text: string): string[] {
  const pattern = /^\s*import\s+(?!type\b)([^'";]*?)\s+from\s+['"]([^'"]+)['"]/gm;
  return [...text.matchAll(pattern)]
    .filter((match) => target(file, match[2]!).replace(/\.tsx?$/, '') === RPC_CLIENT)
    .flatMap((match) => match[1]!.replace(/[{}]/g, '').split(','))
    .map((name) => name.trim().replace(/^type\s+/, ''))
    .filter(Boolean);
}

function rawCallImports(): string[] {
  return sourceFiles('renderer')
    .filter((file) => !MAY_CALL_RAW.some((dir) => file.startsWith(dir)))
    .filter((file) => {
      const names = rpcClientImports(file, fs.readFileSync(path.join(ROOT, file), 'utf8'));
      return names.some((name) => name !== 'RpcCallError');
    });
}

describe('layer rules', () => {
  for (const layer of LAYERS) {
    it(`${layer}/ imports only ${MAY_IMPORT[layer].join(', ') || 'itself'} (and no Electron outside the shell)`, () => {
      expect(crossings(layer)).toEqual([]);
    });
  }

  it('the services that run on their own (core, node_shared, hub, dev host) need no devDependencies at run time', () => {
    const runtime = new Set(Object.keys(pkg.dependencies));
    const needed = (['core', 'node_shared', 'hub', 'devhost'] as const).flatMap(sourceFiles).flatMap((file) =>
      runtimeImports(fs.readFileSync(path.join(ROOT, file), 'utf8'))
        .map(packageName)
        .filter((name): name is string => name !== null && !runtime.has(name))
        .map((name) => `${file} needs ${name}`),
    );
    expect(needed).toEqual([]);
  });

  it('only the data layer and the RPC client call the core or listen to it raw (screens use per-feature hooks)', () => {
    expect(rawCallImports()).toEqual([]);
    const text =
      "import { call, subscribe } from '../../rpc/api';\nimport { RpcCallError } from '../../rpc/api';\n";
    expect(rpcClientImports('renderer/screens/x/y.tsx', text)).toEqual(['call', 'subscribe', 'RpcCallError']);
    expect(rpcClientImports('renderer/screens/x/y.tsx', "import * as api from '../../rpc/api';")).toEqual([
      '* as api',
    ]);
  });

  it('sees runtime imports and run-time paths, and lets type-only imports cross layers', () => {
    const text =
      "import fs from 'node:fs';\nimport type { X } from 'electron';\nconst e = require('electron');\nexport { y } from '../renderer/y';\nimport type { Z } from '../core/z';\nconst entry = path.resolve(dir, '../../renderer/a.ts');\n";
    expect(runtimeImports(text)).toEqual(['node:fs', 'electron', '../renderer/y']);
    expect(relativeStrings(text)).toEqual(['../renderer/y', '../../renderer/a.ts']);
    expect(layerOf(target('hub/video/agent_page.ts', '../../renderer/a.ts'))).toBe('renderer');
  });
});
