import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskButton } from '../../components/kiosk_button';
import { AudioMeter } from './audio_meter';
import type { CallView as View } from './call_session';

export interface ChatLine {
  id: number;
  from: 'visitor' | 'agent';
  name: string;
  text: string;
}

function Video({
  stream,
  muted,
  className,
  label,
}: {
  stream: MediaStream | null;
  muted: boolean;
  className: string;
  label: string;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.srcObject = stream;
  }, [stream]);
  return <video ref={ref} className={className} autoPlay playsInline muted={muted} aria-label={label} />;
}

/** The call: large remote video (hands and upper body), self-view, sound indicators, chat, mute and end. */
export function CallView({
  view,
  chat,
  onSend,
  onMute,
  onEnd,
}: {
  view: View;
  chat: ChatLine[];
  onSend: (text: string) => void;
  onMute: () => void;
  onEnd: () => void;
}) {
  const { t } = useTranslation('video');
  const [draft, setDraft] = useState('');
  // The one who answered stays large (the signer's hands); an invited second agent is shown beside.
  const [main, ...others] = view.remotes;
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const text = draft.trim();
    if (!text) return;
    onSend(text.slice(0, 1000));
    setDraft('');
  };
  return (
    <div className="video-call">
      <div className="video-call__stage">
        <Video
          stream={main?.stream ?? null}
          muted={false}
          className="video-call__remote"
          label={main?.name ? t('remote_video_named', { name: main.name }) : t('remote_video')}
        />
        {others.map((party) => (
          <Video
            key={party.peer}
            stream={party.stream}
            muted={false}
            className="video-call__remote-extra"
            label={party.name ? t('remote_video_named', { name: party.name }) : t('remote_video')}
          />
        ))}
        <Video stream={view.local} muted className="video-call__self" label={t('self_view')} />
        <div className="video-call__meters">
          {view.remotes.map((party) => (
            <AudioMeter
              key={party.peer}
              stream={party.stream}
              label={party.name ? t('audio_remote_named', { name: party.name }) : t('audio_remote')}
            />
          ))}
          {view.remotes.length === 0 ? <AudioMeter stream={null} label={t('audio_remote')} /> : null}
          <AudioMeter stream={view.local} label={t('audio_self')} />
        </div>
        <div className="video-call__controls">
          <KioskButton onPress={onMute} pressed={view.muted}>
            {t(view.muted ? 'unmute' : 'mute')}
          </KioskButton>
          <KioskButton variant="danger" onPress={onEnd} className="video-call__end">
            {t('end_call')}
          </KioskButton>
        </div>
      </div>
      <section className="video-chat" aria-labelledby="video-chat-heading">
        <h2 id="video-chat-heading">{t('chat.heading')}</h2>
        <ol className="video-chat__log" aria-live="polite">
          {chat.map((line) => (
            <li key={line.id} className={`video-chat__line video-chat__line--${line.from}`}>
              <span className="video-chat__who">
                {line.from === 'visitor' ? t('chat.you') : line.name || t('chat.agent')}
              </span>{' '}
              {line.text}
            </li>
          ))}
        </ol>
        {view.phase === 'connected' ? (
          <form className="video-chat__form" onSubmit={submit}>
            <label htmlFor="video-chat-input">{t('chat.label')}</label>
            <input
              id="video-chat-input"
              className="video-chat__input"
              value={draft}
              maxLength={1000}
              autoComplete="off"
              onChange={(event) => setDraft(event.target.value)}
            />
            <KioskButton onPress={() => submit()}>{t('chat.send')}</KioskButton>
          </form>
        ) : null}
      </section>
    </div>
  );
}
