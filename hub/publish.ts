import { createHash } from 'node:crypto';
import { isPublishedDataKind, PUBLISHED_DATA_SCHEMAS, schemaIssue } from '../common/published/published_data';
import { err, ok, type Result } from '../common/result';
import { type ItemKind, identifierSchema, versionSchema } from '../common/sync/protocol';
import { parseSignPackBytes } from './published_sign_packs';
import { parseTemplateBytes } from './published_templates';
import type { PublishedItem } from './storage/hub_store';

/** Largest publishable file (audio packs are the big ones). */
export const MAX_ITEM_BYTES = 64 * 1024 * 1024;

export interface PublishInput {
  kind: ItemKind;
  body: Buffer;
  /** Required for kinds whose file does not name itself (audio packs, JSON without id/version). */
  id?: string | undefined;
  version?: string | undefined;
}

export type PreparedItem = Omit<PublishedItem, 'size' | 'publishedAt'>;

/**
 * Reads `id` and `version` out of a JSON document, when it has them as strings. Directory, fee-rule and
 * content files must first pass the schema the kiosks apply, so terminals never download a file they refuse.
 */
function selfNamed(kind: ItemKind, body: Buffer): Result<{ id?: string; version?: string }, string> {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      return err('the file is not a JSON object');
    if (isPublishedDataKind(kind)) {
      const checked = PUBLISHED_DATA_SCHEMAS[kind].safeParse(parsed);
      if (!checked.success) {
        const issue = schemaIssue(checked.error);
        return err(`not a valid ${kind} file: ${issue.field || '(the file)'}: ${issue.message}`);
      }
    }
    const { id, version } = parsed as { id?: unknown; version?: unknown };
    return ok({
      ...(typeof id === 'string' ? { id } : {}),
      ...(typeof version === 'string' ? { version } : {}),
    });
  } catch {
    return err('the file is not valid JSON');
  }
}

/**
 * Validates one file for publishing. Templates go through the forms validator (a bad template is refused
 * with the step and field); directory, content and fee rules through the kiosk's schemas (refused with the
 * field); sign packs through the kiosk's pack verifier (refused with the clip); audio packs are bytes.
 */
export function prepareItem(input: PublishInput): Result<PreparedItem, string> {
  if (input.body.length > MAX_ITEM_BYTES) return err('the file is larger than 64 MB');
  let named: { id?: string | undefined; version?: string | undefined } = {};
  if (input.kind === 'template') {
    const template = parseTemplateBytes(input.body);
    if (!template.ok) return err(template.error);
    named = { id: template.value.id, version: template.value.version };
  } else if (input.kind === 'sign_pack') {
    const pack = parseSignPackBytes(input.body);
    if (!pack.ok) return err(pack.error);
    named = pack.value;
  } else if (input.kind !== 'audio_pack') {
    const self = selfNamed(input.kind, input.body);
    if (!self.ok) return err(self.error);
    named = self.value;
  }
  for (const key of ['id', 'version'] as const) {
    if (named[key] !== undefined && input[key] !== undefined && named[key] !== input[key])
      return err(`--${key} ${input[key]} differs from the file's ${key} ${named[key]}`);
  }
  const id = identifierSchema.safeParse(named.id ?? input.id);
  if (!id.success) return err('the item needs an id (in the file or --id)');
  const version = versionSchema.safeParse(named.version ?? input.version);
  if (!version.success) return err('the item needs a version (in the file or --version)');
  return ok({
    kind: input.kind,
    id: id.data,
    version: version.data,
    sha256: createHash('sha256').update(input.body).digest('hex'),
    body: input.body,
  });
}
