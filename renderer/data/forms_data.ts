import { call } from '../rpc/api';
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
