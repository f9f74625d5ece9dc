import { useEffect, useState } from 'react';
import type { DraftState } from '../../../common/contract/forms_methods';
import type { FieldOption, Template } from '../../../common/forms/template_schema';
import {
  cachedDraft,
  cachedLawyers,
  cachedTemplate,
  loadDraft,
  loadLawyers,
  loadTemplate,
} from './forms_session';

export interface LoadedForm {
  draft: DraftState;
  template: Template;
  /** Options from published data for steps that have an option source (the lawyer list). */
  sourceOptions: readonly FieldOption[];
  sampleOptions: boolean;
}

/** The draft and its template version (from the screen cache when we have them: no wait between steps). */
export function useForm(draftId: string): LoadedForm | null | 'missing' {
  const [form, setForm] = useState<LoadedForm | null | 'missing'>(() => fromCache(draftId));
  useEffect(() => {
    if (form) return;
    let live = true;
    void (async () => {
      const draft = await loadDraft(draftId);
      const template = draft ? await loadTemplate(draft.template.id, draft.template.version) : null;
      if (!draft || !template) {
        if (live) setForm('missing');
        return;
      }
      const needsLawyers = template.sections.some((s) =>
        s.steps.some((step) => step.field.type === 'single_choice' && step.field.optionsSource),
      );
      if (needsLawyers) await loadLawyers();
      if (live) setForm(assemble(draft, template));
    })();
    return () => {
      live = false;
    };
  }, [draftId, form]);
  return form;
}

function assemble(draft: DraftState, template: Template): LoadedForm {
  const lawyers = cachedLawyers();
  return { draft, template, sourceOptions: lawyers?.options ?? [], sampleOptions: lawyers?.sample ?? false };
}

function fromCache(draftId: string): LoadedForm | null {
  const draft = cachedDraft(draftId);
  const template = draft ? cachedTemplate(draft.template.id, draft.template.version) : undefined;
  return draft && template ? assemble(draft, template) : null;
}
