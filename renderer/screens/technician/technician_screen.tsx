import '../../styles/technician.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { PinGate } from '../../components/pin_gate';
import { ScreenHeading } from '../../components/screen_heading';
import { lockTechnician, unlockTechnician } from '../../data/technician_data';
import { Text } from '../../i18n/text';
import { ConfigPanel } from './config_panel';
import { DiagnosticsPanel } from './diagnostics_panel';
import { MaintenancePanel } from './maintenance_panel';

const NS = 'technician';
const PANELS = ['diagnostics', 'config', 'maintenance'] as const;
type Panel = (typeof PANELS)[number];

/**
 * Technician mode: PIN first, then diagnostics (run on opening, live), configuration and maintenance.
 * Leaving the screen — Back, Exit or the idle timeout — locks technician mode in the core again.
 */
export function TechnicianScreen() {
  const { store } = useApp();
  const { t } = useTranslation(NS);
  const [unlocked, setUnlocked] = useState(false);
  const [panel, setPanel] = useState<Panel>('diagnostics');
  const relock = useCallback(() => setUnlocked(false), []);

  useEffect(
    () => () => {
      lockTechnician({});
    },
    [],
  );

  return (
    <section className="screen technician-screen" aria-labelledby="screen-heading">
      <ScreenHeading ns={NS} k="title" />
      {unlocked ? (
        <>
          <nav className="technician-tabs" aria-label={t('panels.label')}>
            {PANELS.map((id) => (
              <KioskButton key={id} pressed={panel === id} onPress={() => setPanel(id)}>
                <Text ns={NS} k={`panels.${id}`} />
              </KioskButton>
            ))}
          </nav>
          {panel === 'diagnostics' ? <DiagnosticsPanel onLocked={relock} /> : null}
          {panel === 'config' ? <ConfigPanel onLocked={relock} /> : null}
          {panel === 'maintenance' ? <MaintenancePanel onLocked={relock} /> : null}
        </>
      ) : (
        <PinGate
          ns={NS}
          minDigits={6}
          unlock={(pin) => unlockTechnician({ pin })}
          onUnlocked={() => setUnlocked(true)}
        />
      )}
      <KioskButton onPress={() => store.navigate({ name: 'home' })}>
        <Text ns={NS} k="exit" />
      </KioskButton>
    </section>
  );
}
