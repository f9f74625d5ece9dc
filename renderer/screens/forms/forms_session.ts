import type { DraftState } from '../../../common/contract/forms_methods';
import type { FieldOption, Template } from '../../../common/forms/template_schema';
import { endFormsSession, getDraft, getFieldOptions, getTemplate } from '../../data/forms_data';

/**
 * The forms screens' memory for one visit: templates (immutable per version, so cached freely) and the
 * drafts the visitor has open, so moving between steps needs no round trip. One per session, created by the
 * app and listed among the holders of visitor data: at session end it forgets the drafts and has the core
 * wipe every draft not kept under a retrieval code.
 */
export class FormsSession {
  private readonly templates = new Map<string, Template>();
  private readonly drafts = new Map<string, DraftState>();
  /** The lawyers the centre published, read once per visit (a list published meanwhile shows to the next one). */
  private lawyers: { options: FieldOption[]; sample: boolean } | null = null;

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
    const result = await getTemplate(version ? { id, version } : { id });
    if (!result.ok) return null;
    this.templates.set(`${id}@${result.template.version}`, result.template);
    return result.template;
  }

  async loadDraft(draftId: string): Promise<DraftState | null> {
    const cached = this.drafts.get(draftId);
    if (cached) return cached;
    const result = await getDraft({ draftId });
    if (!result.ok) return null;
    this.remember(result.draft);
    return result.draft;
  }

  cachedLawyers(): { options: FieldOption[]; sample: boolean } | null {
    return this.lawyers;
  }

  async loadLawyers(): Promise<{ options: FieldOption[]; sample: boolean }> {
    this.lawyers ??= await getFieldOptions({ source: 'published_lawyers' });
    return this.lawyers;
  }

  /** Session end: forget this visit's drafts and lawyer list here and have the core wipe the drafts not kept. */
  endSession(): void {
    this.drafts.clear();
    this.lawyers = null;
    endFormsSession({});
  }
}
