import { createHash } from 'node:crypto';
import type { BatchItem, ItemResult, RefusalReason } from '../common/sync/protocol';
import { MAX_PAYLOAD_BYTES } from '../common/sync/protocol';
import { checkPayload, type PublishedTemplates } from './published_templates';
import type { HubStore, Principal } from './storage/hub_store';

type Refusal = { status: 403 | 413 | 422; reason: RefusalReason; detail?: string };

function refusalOf(templates: PublishedTemplates, principal: Principal, item: BatchItem): Refusal | null {
  if (item.terminalId !== principal.terminalId) return { status: 403, reason: 'wrong_terminal' };
  if (Buffer.byteLength(item.payload, 'utf8') > MAX_PAYLOAD_BYTES)
    return { status: 413, reason: 'too_large' };
  if (createHash('sha256').update(item.payload, 'utf8').digest('hex') !== item.sha256)
    return { status: 422, reason: 'hash_mismatch' };
  const template = templates.get(item.templateId, item.templateVersion);
  if (!template) return { status: 422, reason: 'unknown_template_version' };
  const problem = checkPayload(template, item.payload, item);
  return problem ? { status: 422, reason: 'invalid_payload', detail: problem } : null;
}

/**
 * Intake of submissions from one terminal: each item is checked on its own (owner, size, hash, template
 * version, payload), then all that passed are stored in one transaction where the uuid's unique
 * constraint decides created / duplicate / conflict. One bad item never affects the others.
 */
export function intake(
  store: HubStore,
  templates: PublishedTemplates,
  principal: Principal,
  items: readonly BatchItem[],
  now: Date,
): ItemResult[] {
  const refusals = items.map((item) => refusalOf(templates, principal, item));
  const accepted = items.filter((_, index) => refusals[index] === null);
  const outcomes =
    accepted.length === 0
      ? []
      : store.storeSubmissions(
          accepted.map(({ uuid, ...envelope }) => ({ uuid, envelope, centre: principal.centre ?? '' })),
          now.toISOString(),
        );
  let next = 0;
  return items.map(({ uuid }, index): ItemResult => {
    const refusal = refusals[index];
    if (refusal) return { uuid, ...refusal };
    const outcome = outcomes[next++]!;
    if (outcome.kind === 'created') return { uuid, status: 201, receipt: outcome.receipt };
    if (outcome.kind === 'duplicate') return { uuid, status: 200, receipt: outcome.receipt };
    return { uuid, status: 409, reason: 'conflict' };
  });
}
