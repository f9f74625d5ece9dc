import type { Handlers } from '../rpc/dispatcher';
import type { IdCardService } from './id_card_service';

type IdCardMethod = 'idcard.arm' | 'idcard.disarm';

export function idCardHandlers(service: IdCardService): Pick<Handlers, IdCardMethod> {
  return {
    'idcard.arm': ({ draftId, holder }) => service.arm(draftId, holder),
    'idcard.disarm': () => {
      service.disarm();
      return { ok: true };
    },
  };
}

/** Session end stops the reader listening too: the screen's own `idcard.disarm` may never come. */
export function disarmOnSessionEnd(
  endSession: Handlers['forms.end_session'],
  service: IdCardService,
): Handlers['forms.end_session'] {
  return (args) => {
    service.disarm();
    return endSession(args);
  };
}
