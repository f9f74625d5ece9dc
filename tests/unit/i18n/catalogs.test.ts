import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const LOCALES = path.join(ROOT, 'assets/locales');

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function namespaces(language: string): string[] {
  return fs
    .readdirSync(path.join(LOCALES, language))
    .filter((file) => file.endsWith('.json') && !file.endsWith('.meta.json'))
    .map((file) => file.replace(/\.json$/, ''));
}

function load(language: string, ns: string): Map<string, string> {
  const file = path.join(LOCALES, language, `${ns}.json`);
  return fs.existsSync(file) ? flatten(JSON.parse(fs.readFileSync(file, 'utf8'))) : new Map();
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
/** i18next plural forms of one key: `x_one`, `x_other` … count as the key `x`. */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('message catalogs', () => {
  const chineseNamespaces = namespaces('zh-CN');

  it('Chinese and English have the same namespaces and keys, with the same placeholders', () => {
    expect(namespaces('en').sort()).toEqual([...chineseNamespaces].sort());
    for (const ns of chineseNamespaces) {
      const zh = load('zh-CN', ns);
      const en = load('en', ns);
      expect([...new Set([...en.keys()].map(baseKey))].sort(), `keys of ${ns}`).toEqual(
        [...new Set([...zh.keys()].map(baseKey))].sort(),
      );
      for (const [key, text] of zh) {
        const english = en.get(key) ?? en.get(`${baseKey(key)}_other`) ?? '';
        expect(placeholders(english), `${ns}:${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('every Mongolian string exists in Chinese and carries a review state in the catalog metadata', () => {
    for (const ns of namespaces('mn-Mong-CN')) {
      const zh = load('zh-CN', ns);
      const mn = load('mn-Mong-CN', ns);
      const metaFile = path.join(LOCALES, 'mn-Mong-CN', `${ns}.meta.json`);
      const review: Record<string, string> = fs.existsSync(metaFile)
        ? JSON.parse(fs.readFileSync(metaFile, 'utf8')).review
        : {};
      for (const key of mn.keys()) {
        expect(zh.has(key) || zh.has(`${baseKey(key)}_other`), `${ns}:${key} is not a Chinese key`).toBe(
          true,
        );
        expect(['reviewed', 'unreviewed'], `${ns}:${key} review state`).toContain(review[key]);
      }
    }
  });

  it('no Mongolian string is written in Cyrillic', () => {
    for (const ns of namespaces('mn-Mong-CN')) {
      for (const [key, text] of load('mn-Mong-CN', ns)) expect(/[\u0400-\u04ff]/.test(text), key).toBe(false);
    }
  });
});

/** Finds visible text written into the renderer's JSX instead of coming from a catalog. */
function hardCodedStrings(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const visibleAttributes = new Set([
    'aria-label',
    'title',
    'alt',
    'placeholder',
    'aria-description',
    'aria-roledescription',
  ]);
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      visibleAttributes.has(node.name.getText()) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer)
    ) {
      found.push(node.initializer.text);
    }
    if (ts.isStringLiteralLike(node) && /[\u3400-\u9fff\u1800-\u18af]/.test(node.text)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('renderer strings', () => {
  it('every visible string in the renderer comes from a catalog', () => {
    const files = fs
      .readdirSync(path.join(ROOT, 'renderer'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => path.join(ROOT, 'renderer', file));
    const offenders = files.flatMap((file) =>
      hardCodedStrings(file).map((text) => `${path.relative(ROOT, file)}: ${text}`),
    );
    expect(offenders).toEqual([]);
  });

  it('detects hard-coded text in JSX, visible attributes and Chinese string literals', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-i18n-')), 'x.tsx');
    fs.writeFileSync(
      file,
      'const label = \'提交\';\nexport const A = () => <p title="Close">Hello {label}</p>;\n',
    );
    expect(hardCodedStrings(file)).toEqual(['提交', 'Close', 'Hello']);
  });
});
