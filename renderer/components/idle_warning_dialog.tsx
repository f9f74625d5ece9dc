import { useEffect, useSyncExternalStore } from 'react';
import { useSpeech } from '../a11y/kit_context';
import { Text } from '../i18n/text';
import type { IdleTimer } from '../state/idle_timer';
import { Dialog } from './dialog';
import { KioskButton } from './kiosk_button';

/** Speak the countdown at its start and then every 10 s and in the last 5 s, not every second. */
function shouldSpeak(secondsLeft: number, warningSeconds: number): boolean {
  return secondsLeft === warningSeconds || secondsLeft % 10 === 0 || secondsLeft <= 5;
}

/**
 * "Are you still there?" with a visible and spoken countdown. One action continues (any number of times);
 * "finish" ends the session at once. Back also continues (it closes the dialog).
 */
export function IdleWarningDialog({
  idle,
  warningSeconds,
  onFinish,
}: {
  idle: IdleTimer;
  warningSeconds: number;
  onFinish: () => void;
}) {
  const phase = useSyncExternalStore(idle.subscribe, idle.getPhase);
  const speech = useSpeech();
  const secondsLeft = phase.phase === 'warning' ? phase.secondsLeft : null;

  useEffect(() => {
    if (secondsLeft === null || !shouldSpeak(secondsLeft, warningSeconds)) return;
    const parts =
      secondsLeft === warningSeconds
        ? [
            { k: 'idle.title' },
            { k: 'idle.countdown', values: { seconds: secondsLeft } },
            { k: 'idle.continue' },
          ]
        : [{ k: 'idle.countdown', values: { seconds: secondsLeft } }];
    speech.sayParts(parts);
  }, [secondsLeft, warningSeconds, speech]);

  return (
    <Dialog
      open={secondsLeft !== null}
      role="alertdialog"
      title={<Text k="idle.title" />}
      describedBy="idle-countdown"
      onClose={() => idle.extend()}
    >
      <p id="idle-countdown" className="dialog__body">
        <Text k="idle.countdown" values={{ seconds: secondsLeft ?? 0 }} />
      </p>
      <div className="dialog__actions">
        <KioskButton variant="primary" onPress={() => idle.extend()}>
          <Text k="idle.continue" />
        </KioskButton>
        <KioskButton onPress={onFinish}>
          <Text k="idle.finish" />
        </KioskButton>
      </div>
    </Dialog>
  );
}
