import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodResult } from '../../../common/contract';
import type { StaffSubmission } from '../../../common/contract/staff_methods';
import { useAnnounce } from '../../a11y/kit_context';
import { KioskButton } from '../../components/kiosk_button';
import { PagedList } from '../../components/paged_list';
import { sendOutboxNow, useStaffSubmissions, useSyncStatus } from '../../data/staff_data';
import { LocalText } from '../../i18n/local_text';
import { Text } from '../../i18n/text';
import { AssistedEntry } from './assisted_entry';
import { DraftFinder } from './draft_finder';
import { StaffAlerts } from './staff_alerts';
import { StaffCounts } from './staff_counts';
import { localTime } from './staff_time';
import { SubmissionDetail } from './submission_detail';
import { SyncStatusNotice } from './sync_status_notice';

const NS = 'staff';

export interface StaffPanelProps {
  onLocked: () => void;
}

/**
 * One application in the list: receipt number, time, form, state, priority, the centre's review state (as
 * the hub last said) and handled marks, in words.
 */
export function SubmissionSummary({ item }: { item: StaffSubmission }) {
  const { t } = useTranslation(NS);
  return (
    <span className="staff-item">
      <span className="staff-item__title">
        {item.priority ? (
          <span className="staff-priority">
            <Text ns={NS} k="priority" />
          </span>
        ) : null}{' '}
        <LocalText text={item.title} />
      </span>
      <span className="staff-item__meta">
        {t('list.item', { receiptNo: item.receiptNo, time: localTime(item.createdAt) })}
      </span>
      <span className={`staff-state staff-state--${item.state}`}>
        <Text ns={NS} k={`state.${item.state}`} />
        {item.reason ? <> · {t('reason', { reason: item.reason })}</> : null}
      </span>
      <span className="staff-item__meta staff-review">
        {item.review
          ? t('review', { state: t(`status:states.${item.review.state}`), time: localTime(item.review.at) })
          : t('review_none')}
      </span>
      <span className="staff-item__meta">
        {item.handledAt ? t('handled', { time: localTime(item.handledAt) }) : t('not_handled')}
        {item.assisted ? <> · {t('assisted')}</> : null}
      </span>
    </span>
  );
}

/** The staff home: send now, this terminal's applications, counts per day, a kept form by its code. */
export function StaffHome({ onLocked, onAssist }: StaffPanelProps & { onAssist: () => void }) {
  const { t } = useTranslation(NS);
  const announce = useAnnounce();
  const listed = useStaffSubmissions();
  const [open, setOpen] = useState<string | null>(null);
  const [sendMessage, setSendMessage] = useState<string | null>(null);
  const syncStatus = useSyncStatus();
  const locked = listed.status === 'ready' && !listed.value.ok;
  useEffect(() => {
    if (locked) onLocked();
  }, [locked, onLocked]);
  const items = listed.status === 'ready' && listed.value.ok ? listed.value.items : null;
  const reload = listed.reload;

  const sendNow = async () => {
    const result: MethodResult<'staff.send_now'> = await sendOutboxNow({});
    if (!result.ok && result.reason === 'locked') return onLocked();
    const message = result.ok
      ? t('send.done', { delivered: result.delivered, pending: result.pending })
      : t(`send.${result.reason}`);
    setSendMessage(message);
    announce.assertive(message);
    syncStatus.reload();
    reload();
  };

  if (open) {
    return (
      <SubmissionDetail
        uuid={open}
        onLocked={onLocked}
        onBack={() => {
          setOpen(null);
          reload();
        }}
      />
    );
  }

  return (
    <div className="staff-home">
      <StaffAlerts onLocked={onLocked} />
      <SyncStatusNotice state={syncStatus.status === 'ready' ? syncStatus.value.state : null} />
      <div className="staff-actions">
        <KioskButton onPress={() => void sendNow()}>
          <Text ns={NS} k="send.button" />
        </KioskButton>
        {sendMessage ? <p className="staff-message">{sendMessage}</p> : null}
      </div>
      <section className="staff-panel" aria-labelledby="staff-list-heading">
        <h3 id="staff-list-heading">
          <Text ns={NS} k="list.heading" />
        </h3>
        {items === null ? null : items.length === 0 ? (
          <p>
            <Text ns={NS} k="list.empty" />
          </p>
        ) : (
          <PagedList
            items={items}
            pageSize={4}
            label={t('list.label')}
            getKey={(item) => item.uuid}
            renderItem={(item) => (
              <KioskButton className="staff-item-button" onPress={() => setOpen(item.uuid)}>
                <SubmissionSummary item={item} />
              </KioskButton>
            )}
          />
        )}
      </section>
      <AssistedEntry onLocked={onLocked} onAssist={onAssist} />
      <StaffCounts onLocked={onLocked} />
      <DraftFinder onLocked={onLocked} onAssist={onAssist} />
    </div>
  );
}
