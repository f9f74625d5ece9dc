import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const RENDERER_DIST = path.resolve(import.meta.dirname, '../../dist/renderer');

/**
 * The JavaScript a window loads before its first screen: the entry module of `index.html` and the chunks it
 * imports statically (dynamic `import()` is what loads later).
 */
export function initialScripts(dist = RENDERER_DIST): { file: string; text: string }[] {
  const index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const texts = new Map<string, string>();
  const visit = (file: string) => {
    if (texts.has(file)) return;
    const text = fs.readFileSync(path.join(dist, file), 'utf8');
    texts.set(file, text);
    for (const match of text.matchAll(
      /(?:^|[;}\n])\s*import\s*(?:[\w${},*\s]+from\s*)?["']\.\/([^"']+\.js)["']/g,
    ))
      visit(path.join(path.dirname(file), match[1]!));
  };
  for (const match of index.matchAll(/<script type="module"[^>]* src="\.\/([^"]+)"/g)) visit(match[1]!);
  return [...texts].map(([file, text]) => ({ file, text }));
}

/** Bytes of those scripts, raw and gzipped. */
export function initialScriptBytes(dist = RENDERER_DIST): { raw: number; gzip: number } {
  const scripts = initialScripts(dist);
  return {
    raw: scripts.reduce((sum, s) => sum + Buffer.byteLength(s.text), 0),
    gzip: scripts.reduce((sum, s) => sum + gzipSync(s.text).length, 0),
  };
}
