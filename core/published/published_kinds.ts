import content from '../../assets/content/baotou_content.json';
import directory from '../../assets/directory/baotou_sample.json';
import feeRules from '../../assets/fees/baotou_default.json';
import { PUBLISHED_DATA_SCHEMAS } from '../../common/published/published_data';
import type { PublishedKind } from './published_store';

/**
 * The published data this area owns, as the sync downlink installs it (`installPublished`) and the
 * handlers read it (`loadPublished`). The JSON imports are bundled into the app: the fallback copy.
 */
export const DIRECTORY_KIND = {
  kind: 'directory',
  id: 'baotou',
  schema: PUBLISHED_DATA_SCHEMAS.directory,
  bundled: directory,
} satisfies PublishedKind<unknown>;

export const FEE_RULES_KIND = {
  kind: 'fee_rules',
  id: 'baotou',
  schema: PUBLISHED_DATA_SCHEMAS.fee_rules,
  bundled: feeRules,
} satisfies PublishedKind<unknown>;

export const CONTENT_KIND = {
  kind: 'content',
  id: 'baotou',
  schema: PUBLISHED_DATA_SCHEMAS.content,
  bundled: content,
} satisfies PublishedKind<unknown>;

/** Nothing is shipped for lawyers: until the centre publishes its list, the centre assigns one. */
export const LAWYERS_KIND = {
  kind: 'lawyers',
  id: 'baotou',
  schema: PUBLISHED_DATA_SCHEMAS.lawyers,
  bundled: {
    format: 'kiosk.lawyers',
    formatVersion: 1,
    id: 'baotou',
    version: 'none',
    sample: false,
    lawyers: [],
  },
} satisfies PublishedKind<unknown>;

/** Nothing is shipped for the duty roster: until the centre publishes one, the call screen shows no times. */
export const DUTY_ROSTER_KIND = {
  kind: 'duty_roster',
  id: 'baotou',
  schema: PUBLISHED_DATA_SCHEMAS.duty_roster,
  bundled: {
    format: 'kiosk.duty_roster',
    formatVersion: 1,
    id: 'baotou',
    version: 'none',
    sample: false,
    people: [],
  },
} satisfies PublishedKind<unknown>;

export const PUBLISHED_KINDS = [
  DIRECTORY_KIND,
  FEE_RULES_KIND,
  CONTENT_KIND,
  LAWYERS_KIND,
  DUTY_ROSTER_KIND,
] as const;
