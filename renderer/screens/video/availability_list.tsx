import { useTranslation } from 'react-i18next';
import type { CallKind, KindAvailability, NextDuty } from '../../../common/video/roster';
import { KioskButton } from '../../components/kiosk_button';

/** "When" in plain words: today / tomorrow / weekday, then the time (China Standard Time from the roster). */
function useWhen(): (next: NextDuty) => string {
  const { t } = useTranslation('video');
  return (next) => {
    const day =
      next.daysFromNow === 0
        ? t('when.today')
        : next.daysFromNow === 1
          ? t('when.tomorrow')
          : t(`when.weekday_${next.weekday}`);
    return t('next_on_duty', { day, time: next.time });
  };
}

/** One big line per kind: call now, or when someone is next on duty (each time marked when it is demo data). */
export function AvailabilityList({
  lines,
  sampleTimes,
  onCall,
}: {
  lines: KindAvailability[];
  sampleTimes: boolean;
  onCall: (kind: CallKind) => void;
}) {
  const { t } = useTranslation('video');
  const when = useWhen();
  return (
    <ul className="video-kinds">
      {lines.map((line) => (
        <li key={line.kind} className="video-kinds__item">
          {line.callableNow ? (
            <KioskButton
              variant="primary"
              onPress={() => onCall(line.kind)}
              describedBy={`video-kind-${line.kind}`}
            >
              {t('call_now', { kind: t(`kinds.${line.kind}`) })}
            </KioskButton>
          ) : (
            <p className="video-kinds__name">{t(`kinds.${line.kind}`)}</p>
          )}
          <p className="video-kinds__when" id={`video-kind-${line.kind}`}>
            {line.callableNow ? t('available_now') : line.next ? when(line.next) : t('none_scheduled')}
            {sampleTimes && line.next && !line.callableNow ? t('sample_mark') : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
