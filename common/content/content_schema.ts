import { z } from 'zod';
import { dataIdSchema, localizedTextSchema } from './localized_text';

export const ARTICLE_TOPICS = [
  'rights',
  'legal_aid',
  'notary',
  'services',
  'accessibility',
  'family',
] as const;

/** A short legal-knowledge article: a few paragraphs, each readable aloud on its own. */
export const articleSchema = z
  .object({
    id: dataIdSchema,
    topic: z.enum(ARTICLE_TOPICS),
    title: localizedTextSchema(200),
    summary: localizedTextSchema(500),
    paragraphs: z.array(localizedTextSchema(2000)).min(1).max(20),
    /** The laws and documents the article is based on. */
    sources: z.array(localizedTextSchema(300)).max(10),
  })
  .strict();
export type Article = z.infer<typeof articleSchema>;

/** The legal-aid guide (policy §2): published data so the hub can correct it without an app update. */
export const legalAidGuideSchema = z
  .object({
    who: z.array(localizedTextSchema(1000)).min(1).max(10),
    forms: z.array(localizedTextSchema(300)).min(1).max(20),
    priority: localizedTextSchema(1000),
    lawyerChoice: localizedTextSchema(1000),
    noProof: localizedTextSchema(1000),
    checklist: z
      .array(
        z
          .object({
            id: dataIdSchema,
            text: localizedTextSchema(300),
            note: localizedTextSchema(500).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(20),
    sources: z.array(localizedTextSchema(300)).max(10),
  })
  .strict();
export type LegalAidGuide = z.infer<typeof legalAidGuideSchema>;

export const contentLibrarySchema = z
  .object({
    format: z.literal('kiosk.content'),
    formatVersion: z.literal(1),
    id: dataIdSchema,
    version: z.string().min(1).max(64),
    articles: z.array(articleSchema).min(1).max(500),
    guide: legalAidGuideSchema,
  })
  .strict()
  .superRefine((library, context) => {
    const seen = new Set<string>();
    library.articles.forEach((article, index) => {
      if (seen.has(article.id))
        context.addIssue({ code: 'custom', path: ['articles', index, 'id'], message: 'duplicate id' });
      seen.add(article.id);
    });
  });
export type ContentLibrary = z.infer<typeof contentLibrarySchema>;
