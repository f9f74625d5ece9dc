import content from '../../../assets/content/baotou_content.json';
import directory from '../../../assets/directory/baotou_sample.json';
import feeRules from '../../../assets/fees/baotou_default.json';
import { contentLibrarySchema } from '../../../common/content/content_schema';
import { directoryDatasetSchema } from '../../../common/directory/directory_schema';
import { feeRuleTableSchema } from '../../../common/fees/fee_rule_schema';
import type { PublishedKind } from './published_store';

/**
 * The published data this area owns, as the sync downlink installs it (`installPublished`) and the
 * handlers read it (`loadPublished`). The JSON imports are bundled into the app: the fallback copy.
 */
export const DIRECTORY_KIND = {
  kind: 'directory',
  id: 'baotou',
  schema: directoryDatasetSchema,
  bundled: directory,
} satisfies PublishedKind<unknown>;

export const FEE_RULES_KIND = {
  kind: 'fee_rules',
  id: 'baotou',
  schema: feeRuleTableSchema,
  bundled: feeRules,
} satisfies PublishedKind<unknown>;

export const CONTENT_KIND = {
  kind: 'content',
  id: 'baotou',
  schema: contentLibrarySchema,
  bundled: content,
} satisfies PublishedKind<unknown>;

export const PUBLISHED_KINDS = [DIRECTORY_KIND, FEE_RULES_KIND, CONTENT_KIND] as const;
