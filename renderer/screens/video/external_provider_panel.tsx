import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExternalOpenFailure } from '../../../common/contract/video_external_methods';
import { RETURN_BAR_FRACTION } from '../../../common/video/external_provider';
import { useAnnounce } from '../../a11y/kit_context';
import { KioskButton } from '../../components/kiosk_button';
import {
  closeExternalProvider,
  onExternalProviderEnded,
  openExternalProvider,
  useExternalProviderInfo,
} from '../../data/video_data';
import { holdSessionForCall } from './call_hold';

type Phase = 'idle' | 'opening' | 'open';
type Notice = `failed.${ExternalOpenFailure}` | 'ended_error' | null;

/**
 * The centre's contracted video service, when the provisioning file names one: one button opens it (the core
 * decides what: this page never names a URL or program), a bar brings the visitor back, and every failure is
 * said in words and speech.
 */
export function ExternalProviderPanel() {
  const { t } = useTranslation('video');
  const announce = useAnnounce();
  const found = useExternalProviderInfo();
  const info = found.status === 'ready' && found.value.configured ? found.value : null;
  const [phase, setPhase] = useState<Phase>('idle');
  const [notice, setNotice] = useState<Notice>(null);
  const openRef = useRef(false);
  openRef.current = phase !== 'idle';

  useEffect(() => {
    let alive = true;
    const off = onExternalProviderEnded(({ outcome }) => {
      if (!alive) return;
      setPhase('idle');
      setNotice(outcome === 'error' ? 'ended_error' : null);
    });
    return () => {
      alive = false;
      off();
      // Leaving the screen (or a session reset) never leaves the next visitor inside someone's call.
      if (openRef.current) closeExternalProvider({});
    };
  }, []);
  useEffect(() => {
    if (notice) announce.assertive(t(`external.${notice}`));
  }, [notice, announce, t]);
  useEffect(() => (phase === 'open' ? holdSessionForCall() : undefined), [phase]);
  useEffect(() => {
    if (phase === 'open' && info) announce.assertive(t(`external.open_${info.kind}`));
  }, [phase, info, announce, t]);

  if (!info) return null;
  const open = async () => {
    setNotice(null);
    setPhase('opening');
    const opened = await openExternalProvider({}).catch(() => ({
      ok: false as const,
      reason: 'failed_to_start' as const,
    }));
    if (opened.ok) setPhase('open');
    else {
      setPhase('idle');
      setNotice(`failed.${opened.reason}`);
    }
  };
  const back = () => closeExternalProvider({});
  const label = info.name ? t('external.open_named', { name: info.name }) : t('external.open');

  return (
    <section className="video-external" aria-label={label}>
      {phase === 'open' ? (
        <div
          className={
            info.kind === 'url' ? 'video-external__bar video-external__bar--docked' : 'video-external__bar'
          }
          style={info.kind === 'url' ? { blockSize: `${RETURN_BAR_FRACTION * 100}vh` } : undefined}
        >
          <p className="video-external__text">{t(`external.open_${info.kind}`)}</p>
          <KioskButton variant="danger" onPress={back}>
            {t('external.back')}
          </KioskButton>
        </div>
      ) : (
        <KioskButton variant="primary" disabled={phase === 'opening'} onPress={() => void open()}>
          {phase === 'opening' ? t('external.opening') : label}
        </KioskButton>
      )}
      {notice ? <p className="video-external__notice">{t(`external.${notice}`)}</p> : null}
    </section>
  );
}
