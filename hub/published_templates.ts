import { z } from 'zod';
import { findForbiddenKey } from '../common/contract/rpc_envelope';
import { answerValueSchema } from '../common/forms/answers';
import { computePriority, validateAllAnswers } from '../common/forms/form_logic';
import { formatTemplateProblem, parseTemplate } from '../common/forms/parse_template';
import type { Step, Template } from '../common/forms/template_schema';
import { err, ok, type Result } from '../common/result';
import type { BatchItem } from '../common/sync/protocol';
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

/** The parts of the forms core's submission payload the hub checks; other fields pass through. */
const payloadSchema = z.looseObject({
  formatVersion: z.literal(1),
  uuid: z.string().max(36),
  template: z.object({ id: z.string().max(64), version: z.string().max(32) }),
  terminalId: z.string().max(64),
  receiptNo: z.string().max(64),
  createdAt: z.iso.datetime({ offset: true }),
  priority: z.boolean(),
  assisted: z.boolean(),
  answers: z.record(z.string().max(64), answerValueSchema),
});

/**
 * Checks a submission payload against the published template version it names, with the forms core's
 * own validator (`validateAllAnswers`), as of the moment it was filed. Refusals are short technical
 * reasons (step ids and error keys, never answer values: those are personal data).
 */
export function checkPayload(template: Template, payload: string, item: BatchItem): string | null {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return 'payload is not JSON';
  }
  const forbidden = findForbiddenKey(raw);
  if (forbidden) return `payload has a forbidden key at ${forbidden}`;
  const parsed = payloadSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `payload ${issue.path.map(String).join('.') || 'body'}: ${issue.message}`;
  }
  const data = parsed.data;
  if (data.uuid !== item.uuid) return 'payload uuid differs from the submission id';
  if (data.template.id !== item.templateId || data.template.version !== item.templateVersion)
    return 'payload names another template version';
  if (data.terminalId !== item.terminalId) return 'payload names another terminal';
  if (data.receiptNo !== item.receiptNo) return 'payload receipt number differs';
  if (data.assisted !== item.assisted) return 'payload assisted flag differs';
  // Priority is what the answers say (the template's rule), on the envelope as in the payload: a kiosk
  // cannot jump the queue by flagging an application the answers do not make priority.
  const priority = computePriority(template, data.answers);
  if (data.priority !== priority || item.priority !== (priority ? 1 : 0))
    return 'priority differs from what the answers give';
  // Options filled from published data on the kiosk (e.g. lawyers) are not known here: accept the chosen one.
  const sourceOptions = (step: Step) => {
    const value = data.answers[step.id];
    return 'optionsSource' in step.field && step.field.optionsSource && typeof value === 'string'
      ? [{ value, label: { 'zh-CN': value, en: value } }]
      : [];
  };
  const problems = validateAllAnswers(template, data.answers, new Date(data.createdAt), sourceOptions);
  const first = problems[0];
  return first ? `step ${first.stepId}: ${first.error.key}` : null;
}

/** Published template versions by `id@version`, parsed once; versions are immutable so the cache never goes stale. */
export class PublishedTemplates {
  private readonly cache = new Map<string, Template>();

  constructor(private readonly store: HubStore) {}

  async get(id: string, version: string): Promise<Template | null> {
    const key = `${id}@${version}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const item = await this.store.item('template', id, version);
    if (!item) return null;
    const parsed = parseTemplateBytes(item.body);
    if (!parsed.ok) return null;
    this.cache.set(key, parsed.value);
    return parsed.value;
  }
}
