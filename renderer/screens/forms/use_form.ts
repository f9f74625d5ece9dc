import { useEffect, useState } from 'react';
import type { DraftState } from '../../../common/contract/forms_methods';
import type { FieldOption, Template } from '../../../common/forms/template_schema';
import { useApp } from '../../app_context';
import { call } from '../../rpc/api';
import type { FormsSession } from './forms_session';

export interface LoadedForm {
  draft: DraftState;
  template: Template;
  /** Options from published data for steps that have an option source (the lawyer list). */
  sourceOptions: readonly FieldOption[];
  sampleOptions: boolean;
}

let lawyers: { options: FieldOption[]; sample: boolean } | null = null;

/** The draft and its template version (from the screen cache when we have them: no wait between steps). */
export function useForm(draftId: string): LoadedForm | null | 'missing' {
  const { forms } = useApp();
  const [form, setForm] = useState<LoadedForm | null | 'missing'>(() => fromCache(forms, draftId));
  useEffect(() => {
    if (form) return;
    let live = true;
    void (async () => {
      const draft = await forms.loadDraft(draftId);
      const template = draft ? await forms.loadTemplate(draft.template.id, draft.template.version) : null;
      if (!draft || !template) {
        if (live) setForm('missing');
        return;
      }
      const needsLawyers = template.sections.some((s) =>
        s.steps.some((step) => step.field.type === 'single_choice' && step.field.optionsSource),
      );
      if (needsLawyers && !lawyers)
        lawyers = await call('forms.get_options', { source: 'published_lawyers' });
      if (live) setForm(assemble(draft, template));
    })();
    return () => {
      live = false;
    };
  }, [forms, draftId, form]);
  return form;
}

function assemble(draft: DraftState, template: Template): LoadedForm {
  return { draft, template, sourceOptions: lawyers?.options ?? [], sampleOptions: lawyers?.sample ?? false };
}

function fromCache(forms: FormsSession, draftId: string): LoadedForm | null {
  const draft = forms.cachedDraft(draftId);
  const template = draft ? forms.cachedTemplate(draft.template.id, draft.template.version) : undefined;
  return draft && template ? assemble(draft, template) : null;
}
