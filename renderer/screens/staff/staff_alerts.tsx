import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffAlerts } from '../../data/staff_data';
import { localTime } from './staff_time';

const NS = 'staff';
const MB = 1024 * 1024;

/** The terminal's own problems staff must act on (low disk, a recovered database), at the top of staff mode. */
export function StaffAlerts({ onLocked }: { onLocked: () => void }) {
  const { t } = useTranslation(NS);
  const loaded = useStaffAlerts();
  const locked = loaded.status === 'ready' && !loaded.value.ok;
  useEffect(() => {
    if (locked) onLocked();
  }, [locked, onLocked]);
  const alerts = loaded.status === 'ready' && loaded.value.ok ? loaded.value.alerts : [];
  if (alerts.length === 0) return null;
  return (
    <section className="staff-panel staff-alerts" role="alert">
      {alerts.map((alert) => (
        <p key={alert.kind}>
          {alert.kind === 'disk_low'
            ? t('alerts.disk_low', {
                free: Math.floor(alert.freeBytes / MB),
                reserve: Math.round(alert.reserveBytes / MB),
              })
            : t('alerts.database_recovered', {
                time: localTime(alert.at),
                recovered: alert.recovered,
                unreadable: alert.unreadable,
              })}
        </p>
      ))}
    </section>
  );
}
