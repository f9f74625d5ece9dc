import '../../styles/staff.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../a11y/kit_context';
import { useApp } from '../../app_context';
import { KioskButton } from '../../components/kiosk_button';
import { PinGate } from '../../components/pin_gate';
import { ScreenHeading } from '../../components/screen_heading';
import { unlockStaff, useStaffLockWatch } from '../../data/staff_data';
import { Text } from '../../i18n/text';
import { SpeechEngineNotice } from './speech_engine_notice';
import { StaffHome } from './staff_home';

const NS = 'staff';
/** How often the screen asks the core whether staff mode locked itself (10 minutes without use). */
const STATUS_POLL_MS = 15_000;

/**
 * Staff mode: the staff PIN, then this terminal's applications. Leaving it — the exit button, Back, the
 * core's idle lock — ends the session: the next visitor gets a fresh one and nothing of it stays on screen.
 * Finishing a kept form with a visitor keeps staff mode (exempt from the visitor idle timeout) until the
 * form's session ends.
 */
export function StaffScreen() {
  const { store } = useApp();
  const { t } = useTranslation(NS);
  const announce = useAnnounce();
  const [unlocked, setUnlocked] = useState(false);
  const staying = useRef(false);

  const leave = useCallback(() => {
    staying.current = true;
    store.endSession();
  }, [store]);

  const onLocked = useCallback(() => {
    announce.assertive(t('locked'));
    leave();
  }, [announce, t, leave]);

  // Leaving the screen any other way (Back, another screen) also leaves staff mode, unless staff chose to
  // finish a visitor's form (`staying`). Deferred: a store update must not happen during the unmount.
  useEffect(() => {
    const session = store.getState().sessionNumber;
    return () => {
      if (staying.current) return;
      setTimeout(() => {
        if (store.getState().sessionNumber === session) store.endSession();
      }, 0);
    };
  }, [store]);

  useStaffLockWatch(unlocked, STATUS_POLL_MS, onLocked);

  return (
    <section className="screen staff-screen" aria-labelledby="screen-heading">
      <ScreenHeading ns={NS} k="title" />
      {unlocked ? <SpeechEngineNotice /> : null}
      {unlocked ? (
        <StaffHome
          onLocked={onLocked}
          onAssist={() => {
            staying.current = true;
          }}
        />
      ) : (
        <PinGate
          ns={NS}
          minDigits={6}
          unlock={(pin) => unlockStaff({ pin })}
          onUnlocked={() => {
            store.setMode('staff');
            setUnlocked(true);
          }}
        />
      )}
      <KioskButton className="staff-exit" onPress={leave}>
        <Text ns={NS} k="exit" />
      </KioskButton>
    </section>
  );
}
