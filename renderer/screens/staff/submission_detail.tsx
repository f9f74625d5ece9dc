import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/languages';
import { useAnnounce } from '../../a11y/kit_context';
import { KioskButton } from '../../components/kiosk_button';
import { MaskedValue } from '../../components/masked_value';
import { markSubmissionHandled, printForStaff, useOpenedSubmission } from '../../data/staff_data';
import { useLanguage } from '../../i18n/local_text';
import { Text } from '../../i18n/text';
import { FromIdCardMark } from '../forms/id_card/from_id_card_mark';
import { SubmissionSummary } from './staff_home';

const NS = 'staff';

/** One application with its answers (a view of personal data, audited by the core), print and handled. */
export function SubmissionDetail({
  uuid,
  onLocked,
  onBack,
}: {
  uuid: string;
  onLocked: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation(NS);
  const announce = useAnnounce();
  const language: Language = useLanguage();
  const found = useOpenedSubmission(uuid, language);
  // Marked handled here: shown at once, without opening (and auditing) the application again.
  const [handledAt, setHandledAt] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const result = found.status === 'ready' ? found.value : null;
  const locked = result?.ok === false && result.reason === 'locked';
  useEffect(() => {
    if (locked) onLocked();
  }, [locked, onLocked]);
  const missing = result?.ok === false && result.reason !== 'locked';
  const opened = result?.ok ? result : null;

  const say = (text: string) => {
    setMessage(text);
    announce.assertive(text);
  };

  const print = async (document: 'application' | 'receipt') => {
    const result = await printForStaff({ uuid, document, language });
    if (!result.ok && result.reason === 'locked') return onLocked();
    say(result.ok ? t('detail.printed') : t(`print_error.${result.reason}`));
  };

  const markHandled = async () => {
    const result = await markSubmissionHandled({ uuid });
    if (!result.ok && result.reason === 'locked') return onLocked();
    if (!result.ok) return say(t('detail.not_found'));
    say(t('detail.marked'));
    setHandledAt(result.handledAt);
  };

  if (missing) {
    return (
      <div className="staff-detail">
        <p>
          <Text ns={NS} k="detail.not_found" />
        </p>
        <KioskButton onPress={onBack}>
          <Text ns={NS} k="detail.back" />
        </KioskButton>
      </div>
    );
  }
  if (!opened) return null;
  const submission = handledAt ? { ...opened.submission, handledAt } : opened.submission;
  const { answers } = opened;
  return (
    <div className="staff-detail">
      <h3>{t('detail.heading', { receiptNo: submission.receiptNo })}</h3>
      <SubmissionSummary item={submission} />
      <div className="staff-actions">
        {submission.hasAnswers ? (
          <KioskButton variant="primary" onPress={() => void print('application')}>
            <Text ns={NS} k="detail.print_application" />
          </KioskButton>
        ) : null}
        <KioskButton onPress={() => void print('receipt')}>
          <Text ns={NS} k="detail.print_receipt" />
        </KioskButton>
        {submission.handledAt ? null : (
          <KioskButton onPress={() => void markHandled()}>
            <Text ns={NS} k="detail.mark_handled" />
          </KioskButton>
        )}
        <KioskButton onPress={onBack}>
          <Text ns={NS} k="detail.back" />
        </KioskButton>
      </div>
      {message ? <p className="staff-message">{message}</p> : null}
      <h4>
        <Text ns={NS} k="detail.answers" />
      </h4>
      {submission.hasAnswers ? (
        <dl className="staff-answers" data-private="">
          {answers.map((answer) => (
            <div key={answer.stepId} className="staff-answer">
              <dt>{answer.label}</dt>
              <dd>
                {answer.personal ? <MaskedValue value={answer.text} label={answer.label} /> : answer.text}
                {answer.fromIdCard ? <FromIdCardMark /> : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>
          <Text ns={NS} k="detail.purged" />
        </p>
      )}
    </div>
  );
}
