import type { z } from 'zod';
import { contentLibrarySchema } from '../content/content_schema';
import { directoryDatasetSchema } from '../directory/directory_schema';
import { feeRuleTableSchema } from '../fees/fee_rule_schema';
import { dutyRosterSchema } from './duty_roster_schema';
import { lawyerListSchema } from './lawyer_list_schema';

/**
 * The schema of each kind of published data file. The hub checks a file with it before publishing, and the
 * kiosk again before switching to a downloaded version: one definition, so both refuse the same files.
 */
export const PUBLISHED_DATA_SCHEMAS = {
  directory: directoryDatasetSchema,
  fee_rules: feeRuleTableSchema,
  content: contentLibrarySchema,
  lawyers: lawyerListSchema,
  duty_roster: dutyRosterSchema,
} as const;
export type PublishedDataKind = keyof typeof PUBLISHED_DATA_SCHEMAS;

export function isPublishedDataKind(kind: string): kind is PublishedDataKind {
  return Object.hasOwn(PUBLISHED_DATA_SCHEMAS, kind);
}

/** Where a file first breaks its schema: the dotted path of the field and zod's message. */
export interface SchemaIssue {
  field: string;
  message: string;
}

export function schemaIssue(error: z.ZodError): SchemaIssue {
  const issue = error.issues[0];
  return { field: issue?.path.map(String).join('.') ?? '', message: issue?.message ?? 'invalid' };
}
