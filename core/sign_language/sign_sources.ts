import { createHash } from 'node:crypto';
import type { Article } from '../../common/content/content_schema';
import type { Template } from '../../common/forms/template_schema';
import { allSteps } from '../../common/forms/template_schema';
import type { SignKey } from '../../common/sign_language/sign_keys';

/** What sign keys point at: the Chinese catalogs, the form templates and the content articles. */
export interface SignSources {
  /** The Chinese text of a `namespace:key` catalog string. */
  catalogText(catalogKey: string): string | undefined;
  template(id: string, version: string): Template | null;
  article(id: string): Article | undefined;
}

export type SourceText =
  /** The Chinese text the clip signs; its hash is kept so a reworded text is not shown with an old clip. */
  | { found: true; text: string; versioned: false }
  /** A template text: versions are immutable, so the clip can never go stale. */
  | { found: true; text: string; versioned: true }
  | { found: false };

/** The text of an article a clip signs: title, summary and every paragraph, in Chinese. */
export function articleSignText(article: Article): string {
  return [article.title, article.summary, ...article.paragraphs].map((text) => text['zh-CN']).join('\n');
}

export function textSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function templateText(
  template: Template,
  key: Extract<SignKey, { kind: 'template' }>,
  sources: SignSources,
): string | undefined {
  const step = allSteps(template).find((candidate) => candidate.id === key.stepId);
  if (!step) return undefined;
  const { part } = key;
  if (part.text === 'prompt') return step.prompt['zh-CN'];
  // Yes/no questions show the catalog's words for yes and no (`forms:values.yes`).
  if (step.field.type === 'yes_no')
    return part.value === 'yes' || part.value === 'no'
      ? sources.catalogText(`forms:values.${part.value}`)
      : undefined;
  if (step.field.type !== 'single_choice' && step.field.type !== 'multi_choice') return undefined;
  return step.field.options.find((option) => option.value === part.value)?.label['zh-CN'];
}

/** The Chinese source text of a sign key, or not found (no such string, step, option or article). */
export function sourceTextOf(key: SignKey, sources: SignSources): SourceText {
  if (key.kind === 'catalog') {
    const text = sources.catalogText(key.catalogKey);
    return text === undefined ? { found: false } : { found: true, text, versioned: false };
  }
  if (key.kind === 'article') {
    const article = sources.article(key.articleId);
    return article ? { found: true, text: articleSignText(article), versioned: false } : { found: false };
  }
  const template = sources.template(key.templateId, key.version);
  const text = template ? templateText(template, key, sources) : undefined;
  return text === undefined ? { found: false } : { found: true, text, versioned: true };
}
