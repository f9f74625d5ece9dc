import type { VisitorSession } from '../forms/visitor_session';
import type { Handlers } from '../rpc/dispatcher';
import type { IdCardService } from './id_card_service';

type IdCardMethod = 'idcard.arm' | 'idcard.disarm';

/** The reader fills only a draft of the session at the screen (a compromised page cannot aim it elsewhere). */
export function idCardHandlers(
  service: IdCardService,
  visitor: VisitorSession,
): Pick<Handlers, IdCardMethod> {
  return {
    'idcard.arm': ({ draftId, holder }) =>
      visitor.ownsDraft(draftId) ? service.arm(draftId, holder) : { ok: false, reason: 'draft_not_found' },
    'idcard.disarm': () => {
      service.disarm();
      return { ok: true };
    },
  };
}
