import fs from 'node:fs';
import path from 'node:path';
import { type ContentLibrary, contentLibrarySchema } from '../common/content/content_schema';
import { fileTemplateSource, TemplateRegistry } from '../core/forms/template_registry';
import type { SignSources } from '../core/sign_language/sign_sources';
import { loadCatalogStrings } from '../core/speech/catalogs';

export interface AssetSourceOptions {
  /** The project's `assets/` folder: Chinese catalogs, bundled templates, bundled content. */
  assetsDir: string;
  /** More template versions (e.g. ones published only on the hub). */
  templatesDir?: string;
  /** Another content library instead of the bundled one. */
  contentFile?: string;
}

/** What sign keys may point at, read from the project's files (the sign-pack builder, the coverage report). */
export function assetSignSources(options: AssetSourceOptions): SignSources & {
  catalogKeys: string[];
  templates: TemplateRegistry;
  content: ContentLibrary;
} {
  const catalog = new Map(
    loadCatalogStrings(path.join(options.assetsDir, 'locales'), 'zh-CN').map((s) => [s.key, s.text]),
  );
  const templates = new TemplateRegistry([
    fileTemplateSource(path.join(options.assetsDir, 'templates')),
    ...(options.templatesDir ? [fileTemplateSource(options.templatesDir)] : []),
  ]);
  const contentFile = options.contentFile ?? path.join(options.assetsDir, 'content', 'baotou_content.json');
  const content = contentLibrarySchema.parse(JSON.parse(fs.readFileSync(contentFile, 'utf8')));
  return {
    catalogText: (key) => catalog.get(key),
    template: (id, version) => templates.get(id, version),
    article: (id) => content.articles.find((article) => article.id === id),
    catalogKeys: [...catalog.keys()],
    templates,
    content,
  };
}
