import type { TemplateSource } from '../forms/template_registry';
import type { KioskDatabase } from '../storage/database';

/**
 * Templates the hub published and the downlink installed (`assets`, kind `template`), for the forms
 * registry. Previous versions are included: a draft stays on the version it started with. Staged rows
 * are not: they are not verified as a set yet.
 */
export function publishedTemplateSource(db: KioskDatabase): TemplateSource {
  const select = db.prepare(
    "SELECT body FROM assets WHERE kind = 'template' AND state IN ('active', 'previous') ORDER BY installed_at",
  );
  return {
    name: 'published',
    load: () =>
      (select.all() as { body: Buffer }[]).map((row) => JSON.parse(row.body.toString('utf8')) as unknown),
  };
}
