import { createHash } from 'node:crypto';
import type { BatchItem, ItemResult, RefusalReason } from '../common/sync/protocol';
import { MAX_PAYLOAD_BYTES } from '../common/sync/protocol';
import { checkPayload, type PublishedTemplates } from './published_templates';
import { recordStatusKey } from './status/status_keys';
import {
  type HubStore,
  type IntakeOutcome,
  type NewSubmission,
  type Principal,
  terminalCentre,
} from './storage/hub_store';

type Refusal = { status: 403 | 413 | 422; reason: RefusalReason; detail?: string };

async function refusalOf(
  templates: PublishedTemplates,
  principal: Principal,
  item: BatchItem,
): Promise<Refusal | null> {
  if (item.terminalId !== principal.terminalId) return { status: 403, reason: 'wrong_terminal' };
  if (Buffer.byteLength(item.payload, 'utf8') > MAX_PAYLOAD_BYTES)
    return { status: 413, reason: 'too_large' };
  if (createHash('sha256').update(item.payload, 'utf8').digest('hex') !== item.sha256)
    return { status: 422, reason: 'hash_mismatch' };
  const template = await templates.get(item.templateId, item.templateVersion);
  if (!template) return { status: 422, reason: 'unknown_template_version' };
  const problem = checkPayload(template, item.payload, item);
  return problem ? { status: 422, reason: 'invalid_payload', detail: problem } : null;
}

interface PendingCommit {
  items: NewSubmission[];
  resolve: (outcomes: IntakeOutcome[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Intake of submissions: each item is checked on its own (owner, size, hash, template version, payload);
 * the items that pass are stored where the uuid's unique constraint decides created / duplicate /
 * conflict in the same transaction. Group commit: everything that arrived in one turn of the event loop
 * (or, with an asynchronous store, while the previous commit was in flight), from any terminal, goes into
 * ONE transaction (one fsync), and each request is answered only after that commit. One bad item never
 * affects the others.
 */
export class Intake {
  private pending: PendingCommit[] = [];
  private scheduled = false;
  private flushing = false;

  constructor(
    private readonly store: HubStore,
    private readonly templates: PublishedTemplates,
    private readonly now: () => Date,
  ) {}

  async receive(principal: Principal, items: readonly BatchItem[]): Promise<ItemResult[]> {
    const refusals = await Promise.all(items.map((item) => refusalOf(this.templates, principal, item)));
    const accepted = items
      .filter((_, index) => refusals[index] === null)
      .map(({ uuid, ...envelope }) => ({ uuid, envelope, centre: terminalCentre(principal) }));
    const outcomes = accepted.length === 0 ? [] : await this.commit(accepted);
    // After the commit (the receipt never waits on it); a resend records a key a crash may have lost.
    await Promise.all(
      accepted.map((item, index) =>
        outcomes[index]!.kind === 'conflict' ? null : recordStatusKey(this.store, this.templates, item),
      ),
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

  private commit(items: NewSubmission[]): Promise<IntakeOutcome[]> {
    return new Promise((resolve, reject) => {
      this.pending.push({ items, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.flushing || this.pending.length === 0) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.flushing = true;
    const group = this.pending.splice(0);
    try {
      const outcomes = await this.store.storeSubmissions(
        group.flatMap((entry) => entry.items),
        this.now().toISOString(),
      );
      let offset = 0;
      for (const entry of group) {
        entry.resolve(outcomes.slice(offset, offset + entry.items.length));
        offset += entry.items.length;
      }
    } catch (error) {
      for (const entry of group) entry.reject(error);
    } finally {
      this.flushing = false;
      this.schedule();
    }
  }
}
