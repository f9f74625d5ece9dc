import type { FeeSituation } from '../../../common/fees/fee_engine';
import { attachFeeReduction, startDraft } from '../../data/forms_data';
import type { SessionStore } from '../../state/session_store';
import type { FormsSession } from '../forms/forms_session';

const NOTARIZATION_TEMPLATE = 'notarization_request';

/**
 * Starts the notarization request (the forms UI's guided form) carrying the calculator's result in the
 * draft's fee slot, then opens its first question. The visitor's answers go to the core, which stores the
 * quote it computes itself (integer fen, rule wording, table version).
 * Returns false when the form could not be started (the caller stays on the result).
 */
export async function startNotarizationRequest(
  store: SessionStore,
  forms: FormsSession,
  situation: FeeSituation,
): Promise<boolean> {
  const started = await startDraft({ templateId: NOTARIZATION_TEMPLATE });
  if (!started.ok) return false;
  const { draft } = started;
  forms.remember(draft);
  await attachFeeReduction({ draftId: draft.draftId, situation });
  const first = draft.visibleSteps[0];
  if (!first) return false;
  store.navigate({ name: 'form_step', draftId: draft.draftId, stepId: first });
  return true;
}
