import { useEffect } from 'react';
import { useStaffCounts } from '../../data/staff_data';
import { LocalText } from '../../i18n/local_text';
import { Text } from '../../i18n/text';

const NS = 'staff';

/** Applications per local day and form, the last 7 days, as a table. */
export function StaffCounts({ onLocked }: { onLocked: () => void }) {
  const counts = useStaffCounts();
  const locked = counts.status === 'ready' && !counts.value.ok;
  useEffect(() => {
    if (locked) onLocked();
  }, [locked, onLocked]);
  const days = counts.status === 'ready' && counts.value.ok ? counts.value.days : null;
  return (
    <section className="staff-panel" aria-labelledby="staff-counts-heading">
      <h3 id="staff-counts-heading">
        <Text ns={NS} k="counts.heading" />
      </h3>
      {days === null ? null : days.length === 0 ? (
        <p>
          <Text ns={NS} k="counts.empty" />
        </p>
      ) : (
        <table className="staff-counts">
          <thead>
            <tr>
              <th scope="col">
                <Text ns={NS} k="counts.date" />
              </th>
              <th scope="col">
                <Text ns={NS} k="counts.service" />
              </th>
              <th scope="col">
                <Text ns={NS} k="counts.number" />
              </th>
            </tr>
          </thead>
          <tbody>
            {days.flatMap((day) =>
              day.services.map((service, index) => (
                <tr key={`${day.date}-${service.templateId}`}>
                  {index === 0 ? (
                    <th scope="rowgroup" rowSpan={day.services.length}>
                      {day.date}
                    </th>
                  ) : null}
                  <td>
                    <LocalText text={service.title} />
                  </td>
                  <td>{service.count}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
