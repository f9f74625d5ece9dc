import type { FeeQuote } from '../../../common/fees/fee_quote_schema';
import { call } from '../../rpc/api';
import type { SessionStore } from '../../state/session_store';
import { rememberDraft, wipeOnSessionEnd } from '../forms/forms_session';

const NOTARIZATION_TEMPLATE = 'notarization_request';

/**
 * Starts the notarization request (the forms UI's guided form) carrying the calculator's result in the
 * draft's fee slot, then opens its first question. The forms contract stores `{ruleId, reductionPercent,
 * feeToPay}` in yuan; a quote without a known amount (standard fee unknown) starts the form without it.
 * Returns false when the form could not be started (the caller stays on the result).
 */
export async function startNotarizationRequest(store: SessionStore, quote: FeeQuote): Promise<boolean> {
  wipeOnSessionEnd(store);
  const started = await call('forms.start_draft', { templateId: NOTARIZATION_TEMPLATE });
  if (!started.ok) return false;
  const { draft } = started;
  rememberDraft(draft);
  if (quote.feeToPayFen !== null) {
    await call('forms.attach_fee_reduction', {
      draftId: draft.draftId,
      feeReduction: {
        ruleId: quote.applied?.ruleId ?? 'none',
        reductionPercent: quote.reductionPercent,
        feeToPay: quote.feeToPayFen / 100,
      },
    });
  }
  const first = draft.visibleSteps[0];
  if (!first) return false;
  store.navigate({ name: 'form_step', draftId: draft.draftId, stepId: first });
  return true;
}
