import type { DraftState } from '../../../common/contract/forms_methods';
import type { FieldOption, Template } from '../../../common/forms/template_schema';
import { call } from '../../rpc/api';
import type { SessionStore } from '../../state/session_store';

/**
 * The forms screens' memory for this visit: templates (immutable per version, so cached freely) and the
 * drafts the visitor has open, so moving between steps needs no round trip. Everything here is forgotten,
 * and every draft not kept under a retrieval code is wiped in the core, when the session ends.
 */
const templates = new Map<string, Template>();
const drafts = new Map<string, DraftState>();
const registered = new WeakSet<SessionStore>();
/** The lawyers the centre published, read once per visit (a list published meanwhile shows to the next one). */
let lawyers: { options: FieldOption[]; sample: boolean } | null = null;

export function rememberDraft(draft: DraftState): void {
  drafts.set(draft.draftId, draft);
}

export function cachedDraft(draftId: string): DraftState | undefined {
  return drafts.get(draftId);
}

export function cachedTemplate(id: string, version: string): Template | undefined {
  return templates.get(`${id}@${version}`);
}

export async function loadTemplate(id: string, version?: string): Promise<Template | null> {
  const cached = version ? templates.get(`${id}@${version}`) : undefined;
  if (cached) return cached;
  const result = await call('forms.get_template', version ? { id, version } : { id });
  if (!result.ok) return null;
  templates.set(`${id}@${result.template.version}`, result.template);
  return result.template;
}

export async function loadDraft(draftId: string): Promise<DraftState | null> {
  const cached = drafts.get(draftId);
  if (cached) return cached;
  const result = await call('forms.get_draft', { draftId });
  if (!result.ok) return null;
  rememberDraft(result.draft);
  return result.draft;
}

export function cachedLawyers(): { options: FieldOption[]; sample: boolean } | null {
  return lawyers;
}

export async function loadLawyers(): Promise<{ options: FieldOption[]; sample: boolean }> {
  lawyers ??= await call('forms.get_options', { source: 'published_lawyers' });
  return lawyers;
}

/** On session end: forget this visit's drafts here and have the core wipe those not kept. */
export function wipeOnSessionEnd(store: SessionStore): void {
  if (registered.has(store)) return;
  registered.add(store);
  store.onReset(() => {
    drafts.clear();
    lawyers = null;
    void call('forms.end_session', {}).catch(() => {
      // the core wipes unkept drafts at start-up too; a failed call here loses nothing
    });
  });
}
