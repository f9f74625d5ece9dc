import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodResult } from '../../../common/contract';
import type { Language } from '../../../common/languages';
import { useAnnounce } from '../../a11y/kit_context';
import { KioskButton } from '../../components/kiosk_button';
import { MaskedValue } from '../../components/masked_value';
import { useLanguage } from '../../i18n/local_text';
import { Text } from '../../i18n/text';
import { call } from '../../rpc/api';
import { FromIdCardMark } from '../forms/id_card/from_id_card_mark';
import { SubmissionSummary } from './staff_home';

const NS = 'staff';
type Opened = Extract<MethodResult<'staff.open_submission'>, { ok: true; submission: unknown }>;

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
  const [opened, setOpened] = useState<Opened | null>(null);
  const [missing, setMissing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void call('staff.open_submission', { uuid, language }).then((result) => {
      if (result.ok) setOpened(result);
      else if (result.reason === 'locked') onLocked();
      else setMissing(true);
    });
  }, [uuid, language, onLocked]);

  const say = (text: string) => {
    setMessage(text);
    announce.assertive(text);
  };

  const print = async (document: 'application' | 'receipt') => {
    const result = await call('staff.print', { uuid, document, language });
    if (!result.ok && result.reason === 'locked') return onLocked();
    say(result.ok ? t('detail.printed') : t(`print_error.${result.reason}`));
  };

  const markHandled = async () => {
    const result = await call('staff.mark_handled', { uuid });
    if (!result.ok && result.reason === 'locked') return onLocked();
    if (!result.ok) return say(t('detail.not_found'));
    say(t('detail.marked'));
    setOpened((current) =>
      current ? { ...current, submission: { ...current.submission, handledAt: result.handledAt } } : current,
    );
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
  const { submission, answers } = opened;
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
