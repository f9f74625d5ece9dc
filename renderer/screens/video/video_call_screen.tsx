import '../../styles/video.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallKind } from '../../../common/video/roster';
import type { EndReason } from '../../../common/video/signal_messages';
import { useAnnounce } from '../../a11y/kit_context';
import { useApp } from '../../app_context';
import { ScreenHeading } from '../../components/screen_heading';
import { useVideoLink } from '../../data/use_video_link';
import { sendVideoMessage } from '../../data/video_data';
import { testHooksEnabled } from '../../test_hooks';
import { AvailabilityList } from './availability_list';
import { holdSessionForCall } from './call_hold';
import { CallSession, IDLE_VIEW, type CallView as View } from './call_session';
import { CallView, type ChatLine } from './call_view';
import { ExternalProviderPanel } from './external_provider_panel';
import { FallbackPanel } from './fallback_panel';

/** Reasons after which the visitor is offered a callback instead of waiting. */
const FALLBACK_REASONS: readonly EndReason[] = ['no_answer', 'no_agent', 'hub_unreachable', 'peer_gone'];

declare global {
  interface Window {
    /** Only with test hooks on (see `test_hooks.ts`): the call's peer connections and camera, for getStats() and "tracks stopped" checks. */
    __videoDebug?: { connections(): RTCPeerConnection[]; local(): MediaStream | null };
  }
}

/** Video call with a sign-language interpreter, duty lawyer, notary or the legal-aid office. */
export function VideoCallScreen() {
  const { t } = useTranslation('video');
  const announce = useAnnounce();
  const { terminal } = useApp();
  const hooks = testHooksEnabled(terminal);
  const [view, setView] = useState<View>(IDLE_VIEW);
  const [chat, setChat] = useState<ChatLine[]>([]);
  const [endReason, setEndReason] = useState<EndReason | 'camera_failed' | null>(null);
  const session = useRef<CallSession | null>(null);
  const lastLocal = useRef<MediaStream | null>(null);
  const link = useVideoLink((message) => void session.current?.receive(message));

  const iceServers = link.status === 'open' ? link.iceServers : null;
  useEffect(() => {
    if (!iceServers) return;
    let chatId = 0;
    const created = new CallSession(iceServers, {
      send: (message) =>
        sendVideoMessage({ message }).then(
          (sent) => sent.ok,
          () => false,
        ),
      changed: (next) => {
        if (next.local) lastLocal.current = next.local;
        setView(next);
      },
      ended: (reason) => setEndReason(reason),
      chat: (from, name, text) => setChat((lines) => [...lines, { id: ++chatId, from, name, text }]),
    });
    session.current = created;
    if (hooks)
      window.__videoDebug = { connections: () => created.connections(), local: () => lastLocal.current };
    return () => {
      created.finish();
      session.current = null;
    };
  }, [iceServers, hooks]);

  const inCall = view.phase !== 'idle';
  useEffect(() => (inCall ? holdSessionForCall() : undefined), [inCall]);

  // Call state is shown and spoken (assertive: it changes what the visitor should do).
  const phaseKey =
    view.phase === 'calling' ? 'state.calling' : view.phase === 'connected' ? 'state.connected' : null;
  useEffect(() => {
    if (phaseKey) announce.assertive(t(phaseKey, { name: view.agentName }));
  }, [phaseKey, announce, t, view.agentName]);
  useEffect(() => {
    if (endReason) announce.assertive(t(`reason.${endReason}`));
  }, [endReason, announce, t]);

  const start = async (kind: CallKind) => {
    setEndReason(null);
    setChat([]);
    const started = await session.current?.start(kind);
    if (started === 'camera_failed') setEndReason('camera_failed');
    if (started === 'not_connected') setEndReason('hub_unreachable');
  };
  const sendChat = (text: string) => {
    void session.current?.sendChat(text).then((sent) => {
      if (sent) setChat((lines) => [...lines, { id: -Date.now(), from: 'visitor', name: '', text }]);
    });
  };

  const reasonKey = endReason ? `reason.${endReason}` : null;
  const nobodyNow = link.status === 'open' && link.lines.length > 0 && !link.lines.some((l) => l.callableNow);
  return (
    <section className="screen video-screen" aria-labelledby="screen-heading">
      <ScreenHeading ns="video" k="heading" intro={[{ ns: 'video', k: 'intro' }]} />
      <p className="video-state" role="status" data-phase={view.phase}>
        {phaseKey ? t(phaseKey, { name: view.agentName }) : reasonKey ? t(reasonKey) : null}
      </p>
      {view.phase === 'idle' ? <ExternalProviderPanel /> : null}
      {link.status === 'opening' ? <p className="lead">{t('connecting')}</p> : null}
      {link.status === 'unavailable' ? (
        <FallbackPanel centrePhone={link.centrePhone} reasonKey="reason.hub_unreachable" />
      ) : null}
      {link.status === 'open' && view.phase === 'idle' ? (
        <>
          <p className="lead">{t('choose')}</p>
          <AvailabilityList
            lines={link.lines}
            sampleTimes={link.sampleTimes}
            onCall={(kind) => void start(kind)}
          />
          {link.sampleTimes ? <p className="lead">{t('sample_times')}</p> : null}
          {nobodyNow || (endReason && FALLBACK_REASONS.includes(endReason as EndReason)) ? (
            <FallbackPanel
              centrePhone={link.centrePhone}
              reasonKey={nobodyNow && !endReason ? 'reason.nobody_now' : null}
            />
          ) : null}
        </>
      ) : null}
      {view.phase !== 'idle' ? (
        <CallView
          view={view}
          chat={chat}
          onSend={sendChat}
          onMute={() => session.current?.toggleMute()}
          onEnd={() => session.current?.hangUp()}
        />
      ) : null}
    </section>
  );
}
