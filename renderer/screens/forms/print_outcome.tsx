import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintErrorReason } from '../../../common/contract/print_methods';
import { useAnnounce, useSpeech } from '../../a11y/kit_context';

export type PrintState =
  | { state: 'idle' }
  | { state: 'printing' }
  | { state: 'done' }
  | { state: 'failed'; reason: PrintErrorReason | 'not_found' };

/**
 * The outcome of a print in large text: success only when the core said so; a failure says what happened
 * and to ask at the front desk, announced (assertive, so also spoken).
 */
export function PrintOutcome({
  outcome,
  what,
}: {
  outcome: PrintState;
  what: 'receipt' | 'application' | 'code';
}) {
  const { t } = useTranslation('forms_ui');
  const announcer = useAnnounce();
  const speech = useSpeech();
  const message =
    outcome.state === 'failed'
      ? t(`errors.${outcome.reason}`, { ns: 'print' })
      : outcome.state === 'done'
        ? t(`print.done_${what}`)
        : outcome.state === 'printing'
          ? t('print.printing')
          : '';
  useEffect(() => {
    if (outcome.state === 'failed') announcer.assertive(message);
    else if (outcome.state === 'done') {
      announcer.polite(message);
      speech.sayText(message, 'ui');
    }
  }, [outcome.state, message, announcer, speech]);
  if (!message) return null;
  return (
    <p className={`print-outcome print-outcome--${outcome.state}`} id={`print-outcome-${what}`}>
      {message}
    </p>
  );
}
