import { findForbiddenKey } from '../common/contract/rpc_envelope';
import { formatTemplateProblem, parseTemplate } from '../common/forms/parse_template';
import type { Template } from '../common/forms/template_schema';
import { err, ok, type Result } from '../common/result';
import type { HubStore } from './storage/hub_store';

/** Parses a template file's bytes with the forms validator; the error says what is wrong and where. */
export function parseTemplateBytes(body: Buffer): Result<Template, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(body.toString('utf8'));
  } catch {
    return err('the template is not valid JSON');
  }
  const parsed = parseTemplate(raw);
  return parsed.ok ? ok(parsed.value) : err(formatTemplateProblem(parsed.error));
}

/**
 * Checks a submission payload against the published template version it names. Refusals are short
 * technical reasons (step ids, never answer values: those are personal data).
 */
export function checkPayload(template: Template, payload: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return 'payload is not JSON';
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return 'payload is not an object';
  const forbidden = findForbiddenKey(parsed);
  if (forbidden) return `payload has a forbidden key at ${forbidden}`;
  const stated = parsed as { templateId?: unknown; templateVersion?: unknown };
  if (stated.templateId !== undefined && stated.templateId !== template.id)
    return 'payload names another template';
  if (stated.templateVersion !== undefined && stated.templateVersion !== template.version)
    return 'payload names another template version';
  return null;
}

/** Published template versions by `id@version`, parsed once; versions are immutable so the cache never goes stale. */
export class PublishedTemplates {
  private readonly cache = new Map<string, Template>();

  constructor(private readonly store: HubStore) {}

  get(id: string, version: string): Template | null {
    const key = `${id}@${version}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const item = this.store.item('template', id, version);
    if (!item) return null;
    const parsed = parseTemplateBytes(item.body);
    if (!parsed.ok) return null;
    this.cache.set(key, parsed.value);
    return parsed.value;
  }
}
