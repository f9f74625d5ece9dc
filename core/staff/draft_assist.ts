import type { FormsService } from '../forms/forms_service';
import type { VisitorSession } from '../forms/visitor_session';
import type { Handlers } from '../rpc/dispatcher';
import type { StaffDesk } from './staff_desk';

/**
 * Staff find a visitor's kept draft by its retrieval code and finish it with them, or start a new one with them
 * at the desk (both recorded as assisted).
 */
export function draftAssistHandlers(
  forms: FormsService,
  desk: StaffDesk,
  visitor: VisitorSession,
): Pick<Handlers, 'staff.find_draft' | 'staff.assist_draft' | 'staff.start_assisted'> {
  return {
    'staff.find_draft': ({ code }) => {
      const found = forms.resumeDraft(code, 'staff');
      if (!found.ok) return found;
      const { draft } = found;
      desk.audit('staff.find_draft', draft.draftId);
      const stored = forms.drafts.get(draft.draftId);
      return {
        ok: true,
        draftId: draft.draftId,
        templateId: draft.template.id,
        title: desk.titleOf(draft.template.id, draft.template.version),
        currentStep: draft.currentStep,
        answered: Object.keys(draft.answers).length,
        updatedAt: stored?.updatedAt ?? '',
      };
    },
    'staff.assist_draft': ({ draftId }) => {
      if (!desk.queries.markAssisted(draftId)) return { ok: false, reason: 'draft_not_found' };
      desk.audit('staff.assist', draftId);
      // The form is finished at this screen now: its documents are this session's.
      visitor.addDraft(draftId);
      return { ok: true };
    },
    'staff.start_assisted': ({ templateId }) => {
      const started = forms.startDraft(templateId);
      if (!started.ok) return started;
      const { draftId, currentStep } = started.draft;
      desk.queries.markAssisted(draftId);
      desk.audit('staff.assist_new', draftId);
      visitor.addDraft(draftId);
      return { ok: true, draftId, stepId: currentStep };
    },
  };
}
