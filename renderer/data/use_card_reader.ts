import { useEffect, useRef, useState } from 'react';
import type { EventPayload } from '../../common/contract';
import type { CardFailure } from '../../common/contract/idcard_methods';
import type { Language } from '../../common/languages';
import { subscribe } from '../rpc/api';
import { armCardReader, disarmCardReader } from './id_card_data';

/** Where the "place your card" screen is: waiting, reading a card, or a read that failed (and why). */
export type CardPhase = { kind: 'waiting' } | { kind: 'reading' } | { kind: 'failed'; reason: CardFailure };

export interface CardRead {
  filled: readonly string[];
  offerLanguage: Language | null;
}

/**
 * Arms the core's reader for this draft and holder while the screen is open (and disarms it when it
 * closes), and follows the reader's `idcard.state` events. The card's values never come here: on `read`
 * the core has written them into the draft, which the next screen loads.
 */
export function useCardReader(draftId: string, holder: string, onRead: (read: CardRead) => void) {
  const [phase, setPhase] = useState<CardPhase>({ kind: 'waiting' });
  const [attempt, setAttempt] = useState(0);
  const readRef = useRef(onRead);
  readRef.current = onRead;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt (try again) re-arms the reader
  useEffect(() => {
    let live = true;
    const off = subscribe('idcard.state', (event: EventPayload<'idcard.state'>) => {
      if (!live) return;
      if (event.state === 'reading') setPhase({ kind: 'reading' });
      else if (event.state === 'failed') setPhase({ kind: 'failed', reason: event.reason });
      else if (event.state === 'read' && event.draftId === draftId && event.holder === holder)
        readRef.current({ filled: event.filled, offerLanguage: event.offerLanguage });
    });
    // a refused or failed call leaves no silent "waiting": the visitor hears it and may type instead
    const unavailable = () => live && setPhase({ kind: 'failed', reason: 'reader_unavailable' });
    armCardReader({ draftId, holder }).then((armed) => {
      if (!armed.ok || !armed.ready) unavailable();
    }, unavailable);
    return () => {
      live = false;
      off();
      disarmCardReader({});
    };
  }, [draftId, holder, attempt]);

  return {
    phase,
    retry: () => {
      setPhase({ kind: 'waiting' });
      setAttempt((n) => n + 1);
    },
  };
}
