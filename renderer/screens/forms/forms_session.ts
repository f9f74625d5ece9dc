import type { DraftState } from '../../../common/contract/forms_methods';
import type { Template } from '../../../common/forms/template_schema';
import { call } from '../../rpc/api';

/**
 * The forms screens' memory for one visit: templates (immutable per version, so cached freely) and the
 * drafts the visitor has open, so moving between steps needs no round trip. One per session, created by the
 * app and listed among the holders of visitor data: at session end it forgets the drafts and has the core
 * wipe every draft not kept under a retrieval code.
 */
export class FormsSession {
  private readonly templates = new Map<string, Template>();
  private readonly drafts = new Map<string, DraftState>();

  remember(draft: DraftState): void {
    this.drafts.set(draft.draftId, draft);
  }

  cachedDraft(draftId: string): DraftState | undefined {
    return this.drafts.get(draftId);
  }

  cachedTemplate(id: string, version: string): Template | undefined {
    return this.templates.get(`${id}@${version}`);
  }

  async loadTemplate(id: string, version?: string): Promise<Template | null> {
    const cached = version ? this.templates.get(`${id}@${version}`) : undefined;
    if (cached) return cached;
    const result = await call('forms.get_template', version ? { id, version } : { id });
    if (!result.ok) return null;
    this.templates.set(`${id}@${result.template.version}`, result.template);
    return result.template;
  }

  async loadDraft(draftId: string): Promise<DraftState | null> {
    const cached = this.drafts.get(draftId);
    if (cached) return cached;
    const result = await call('forms.get_draft', { draftId });
    if (!result.ok) return null;
    this.remember(result.draft);
    return result.draft;
  }

  /** Session end: forget this visit's drafts here and have the core wipe those not kept. */
  endSession(): void {
    this.drafts.clear();
    void call('forms.end_session', {}).catch(() => {
      // the core wipes unkept drafts at start-up too; a failed call here loses nothing
    });
  }
}
