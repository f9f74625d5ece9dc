import { CATALOG_KEY_PATTERN } from '../speech/catalog_strings';

/**
 * What a sign-language clip is keyed to. Three kinds, one string form each:
 * - `catalog:<namespace>:<key>` — a UI string (a screen's heading or intro, a tile, a dialog);
 * - `template:<templateId>@<version>:<stepId>.prompt|option.<value>` — a question or one of its options in one
 *   immutable form version;
 * - `article:<articleId>` — a legal-knowledge article of the published content.
 */
export type SignKey =
  | { kind: 'catalog'; catalogKey: string }
  | { kind: 'template'; templateId: string; version: string; stepId: string; part: TemplatePart }
  | { kind: 'article'; articleId: string };

export type TemplatePart = { text: 'prompt' } | { text: 'option'; value: string };

const FORM_ID = '[a-z][a-z0-9_]{0,63}';
const TEMPLATE_KEY = new RegExp(
  `^template:(${FORM_ID})@(\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}):(${FORM_ID})\\.(prompt|option\\.(${FORM_ID}))$`,
);
const ARTICLE_KEY = /^article:([a-z0-9][a-z0-9_-]{0,63})$/;

export const MAX_SIGN_KEY_LENGTH = 240;

export function parseSignKey(key: string): SignKey | null {
  if (key.length > MAX_SIGN_KEY_LENGTH) return null;
  if (key.startsWith('catalog:')) {
    const catalogKey = key.slice('catalog:'.length);
    return CATALOG_KEY_PATTERN.test(catalogKey) ? { kind: 'catalog', catalogKey } : null;
  }
  const template = TEMPLATE_KEY.exec(key);
  if (template) {
    const [, templateId, version, stepId, , value] = template as unknown as string[];
    return {
      kind: 'template',
      templateId: templateId!,
      version: version!,
      stepId: stepId!,
      part: value ? { text: 'option', value } : { text: 'prompt' },
    };
  }
  const article = ARTICLE_KEY.exec(key);
  return article ? { kind: 'article', articleId: article[1]! } : null;
}

/** `catalog:<ns>:<key>` of a catalog string (`ns` defaults to `common`, as in the renderer's `Text`). */
export function catalogSignKey(key: string, ns = 'common'): string {
  return `catalog:${ns}:${key}`;
}

export function templateSignKey(
  template: { id: string; version: string },
  stepId: string,
  part: TemplatePart,
): string {
  const suffix = part.text === 'option' ? `option.${part.value}` : 'prompt';
  return `template:${template.id}@${template.version}:${stepId}.${suffix}`;
}

export function articleSignKey(articleId: string): string {
  return `article:${articleId}`;
}
