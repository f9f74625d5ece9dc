import type { CoreDeps } from '../core_deps';
import type { FormsService } from '../forms/forms_service';
import type { VisitorSession } from '../forms/visitor_session';
import type { Handlers } from '../rpc/dispatcher';
import { createIdCardReader } from './create_reader';
import type { IdCardReader } from './id_card_reader';
import { IdCardService } from './id_card_service';

type IdCardMethod = 'idcard.arm' | 'idcard.disarm';

/**
 * The ID card reader the provisioning names (or `reader`, which tests give), filling the visitor's drafts.
 * Session end stops it listening too: the screen's own `idcard.disarm` may never come.
 */
export function startIdCard(
  deps: CoreDeps,
  forms: FormsService,
  visitor: VisitorSession,
  reader?: IdCardReader,
): IdCardService {
  const readerConfig = deps.config?.idCardReader ?? null;
  const idCard = new IdCardService({
    reader: reader ?? (readerConfig ? createIdCardReader(readerConfig) : null),
    adapter: readerConfig?.adapter ?? null,
    forms,
    events: deps.events,
    logger: deps.logger,
    audit: deps.audit,
    offersMongolian: deps.config?.languages.includes('mn-Mong-CN') ?? false,
    now: deps.now,
  });
  visitor.onEnd(() => idCard.disarm());
  return idCard;
}

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
