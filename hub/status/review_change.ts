import { err, ok, type Result } from '../../common/result';
import { checkReviewChange, flowOfTemplate, reviewChangeSchema } from '../../common/status/review_states';
import { maySee } from '../desk/desk_view';
import type { HubStore, Principal, ReviewRecord } from '../storage/hub_store';

export type ReviewChangeError = { kind: 'not_found' } | { kind: 'invalid'; detail: string };

/**
 * Sets the review state of one application for a staff principal (the desk form and the case-system API
 * share this): the principal must see the application's centre, the state must belong to its form's list
 * and carry the details the visitor needs. The change and who made it go to the history and the desk audit.
 */
export async function changeReview(
  store: HubStore,
  principal: Principal,
  uuid: string,
  raw: unknown,
  at: string,
): Promise<Result<ReviewRecord, ReviewChangeError>> {
  const entry = await store.deskEntry(uuid);
  if (!entry || !maySee(principal.centres, entry.submission.centre)) return err({ kind: 'not_found' });
  const flow = flowOfTemplate(entry.submission.templateId);
  if (!flow) return err({ kind: 'invalid', detail: 'this form has no review states' });
  const parsed = reviewChangeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return err({
      kind: 'invalid',
      detail: `${issue.path.join('.') || 'body'}: ${issue.message}`.slice(0, 300),
    });
  }
  const problem = checkReviewChange(flow, parsed.data);
  if (problem) return err({ kind: 'invalid', detail: problem });
  const review: ReviewRecord = { ...parsed.data, at, by: principal.tokenId };
  if (!(await store.setReview(uuid, review))) return err({ kind: 'not_found' });
  await store.addDeskAudit({ at, tokenId: principal.tokenId, action: `review.${review.state}`, uuid });
  return ok(review);
}
