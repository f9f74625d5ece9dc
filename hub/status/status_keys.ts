import { flowOfTemplate } from '../../common/status/review_states';
import type { PublishedTemplates } from '../published_templates';
import type { HubStore, NewSubmission } from '../storage/hub_store';
import { factorOfAnswers, hashFactor } from './lookup_factor';
import { lookupSecret } from './status_lookup';

/**
 * Keeps the hashed second factor of a stored application so any kiosk can look its status up. Forms
 * without review states (feedback) and answers without a resident ID or phone number get no key.
 */
export async function recordStatusKey(
  store: HubStore,
  templates: PublishedTemplates,
  item: NewSubmission,
): Promise<void> {
  const { envelope } = item;
  if (!flowOfTemplate(envelope.templateId)) return;
  const template = await templates.get(envelope.templateId, envelope.templateVersion);
  const answers = (JSON.parse(envelope.payload) as { answers?: Record<string, unknown> }).answers ?? {};
  const factor = template ? factorOfAnswers(template, answers) : null;
  if (!factor) return;
  const factorHash = await hashFactor(await lookupSecret(store), envelope.receiptNo, factor);
  await store.addStatusKey({ uuid: item.uuid, receiptNo: envelope.receiptNo, factorHash });
}
