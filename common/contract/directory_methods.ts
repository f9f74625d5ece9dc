import { z } from 'zod';
import { contentLibrarySchema } from '../content/content_schema';
import { directoryDatasetSchema, nameSpellingSchema } from '../directory/directory_schema';
import { feeRuleTableSchema } from '../fees/fee_rule_schema';
import { visitorMethod } from './define';

const noArgs = z.object({}).strict();

/** Where published data in use came from: the hub's active version, its previous one, or the app's copy. */
const sourceSchema = z.enum(['published', 'previous', 'bundled']);

/**
 * Published data of the directory, fee calculator and legal knowledge. Search and fee calculation are pure
 * functions in `common/` and run in the renderer on this data.
 */
export const directoryMethods = {
  /** The directory, with the pinyin of each name (`spellings[i]` is institution i's) for the search index. */
  'directory.dataset': visitorMethod(
    noArgs,
    z.object({
      source: sourceSchema,
      dataset: directoryDatasetSchema,
      spellings: z.array(nameSpellingSchema).max(20_000),
    }),
  ),
  'fees.rule_table': visitorMethod(noArgs, z.object({ source: sourceSchema, table: feeRuleTableSchema })),
  'content.library': visitorMethod(noArgs, z.object({ source: sourceSchema, library: contentLibrarySchema })),
} as const;
