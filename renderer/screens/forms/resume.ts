import { useEffect } from 'react';
import type { DraftState } from '../../../common/contract/forms_methods';
import { openDraft } from '../../data/forms_data';
import type { SessionStore } from '../../state/session_store';
import type { FormsSession } from './forms_session';

/** Where a resumed draft continues: the step it was on, or the review when every step was answered. */
export function resumeScreen(draft: DraftState) {
  return draft.visibleSteps.includes(draft.currentStep)
    ? ({ name: 'form_step', draftId: draft.draftId, stepId: draft.currentStep } as const)
    : ({ name: 'form_review', draftId: draft.draftId } as const);
}

/**
 * A page that starts while the visitor's session is still open in the core (Electron reloads a crashed
 * renderer; a browser tab may reload) carries on with the draft being filled in, at its step, instead of
 * starting over at home. Only while still on the first screen; a fresh core has no open draft.
 */
export function useResumeAfterReload(store: SessionStore, forms: FormsSession): void {
  useEffect(() => {
    let live = true;
    openDraft({}).then(
      (result) => {
        if (!live || !result.ok || store.getState().screen.name !== 'home') return;
        forms.remember(result.draft);
        store.navigate(resumeScreen(result.draft));
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [store, forms]);
}
