import { call } from '../rpc/api';
import { notify, request } from './core_method';
import { useCoreQuery } from './use_core_query';

/** Every form this terminal offers. */
export function useFormTemplates() {
  return useCoreQuery(() => call('forms.list_templates', {}).then((result) => result.templates), []);
}

/** A submitted application's receipt: number, title, next steps (`null` when the core does not know it). */
export function useSubmissionSummary(uuid: string) {
  return useCoreQuery(
    () =>
      call('forms.get_submission_summary', { uuid }).then((result) => (result.ok ? result.summary : null)),
    [uuid],
  );
}

export const getTemplate = request('forms.get_template');
export const getDraft = request('forms.get_draft');
export const getFieldOptions = request('forms.get_options');
export const startDraft = request('forms.start_draft');
export const resumeDraft = request('forms.resume_draft');
export const openDraft = request('forms.open_draft');
export const saveAnswer = request('forms.save_answer');
export const keepDraft = request('forms.keep_draft');
export const submitDraft = request('forms.submit');
export const attachFeeReduction = request('forms.attach_fee_reduction');
/** Where the draft resumes; the answers are already saved. */
export const setCurrentStep = notify('forms.set_current_step');
/** Session end: the core wipes every draft not kept (it does at start-up too, so a failure loses nothing). */
export const endFormsSession = notify('forms.end_session');
