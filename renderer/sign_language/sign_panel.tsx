import './sign_panel.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignClipInfo } from '../../common/contract/sign_methods';
import { captionAt } from '../../common/sign_language/captions';
import { signClipPath } from '../../common/sign_language/sign_pack_manifest';
import { useAnnounce } from '../a11y/kit_context';
import { useApp } from '../app_context';
import { KioskButton } from '../components/kiosk_button';
import { Text } from '../i18n/text';
import { useSession } from '../state/session_store';
import { useSignState } from './sign_context';
import { SIGN_RATES, type SignController, type SignRate } from './sign_controller';

const RATE_KEYS: Record<SignRate, string> = { 1: 'rate.normal', 0.75: 'rate.slower', 0.5: 'rate.slowest' };

/**
 * The clip: a large muted video (the kiosk's voice is its speech; a clip never talks over it) with the
 * caption under it, and big controls: play/pause, replay, 0.75× and 0.5×, captions on/off. Every change is
 * announced in the polite live region.
 */
function ClipPlayer({ controller, clip }: { controller: SignController; clip: SignClipInfo }) {
  const state = useSignState()!;
  const announce = useAnnounce();
  const { t } = useTranslation('sign_language');
  const video = useRef<HTMLVideoElement>(null);
  const [paused, setPaused] = useState(true);
  const [failed, setFailed] = useState(false);
  const [positionMs, setPositionMs] = useState(0);

  // A new clip, or "play from the start", in the open panel: rewind and play. Closed: stop, rewound.
  // biome-ignore lint/correctness/useExhaustiveDependencies: playRequest and the clip are the triggers
  useEffect(() => {
    const element = video.current;
    if (!element) return;
    element.muted = true;
    setFailed(false);
    element.currentTime = 0;
    setPositionMs(0);
    if (state.open) void element.play()?.catch(() => setPaused(true));
    else element.pause();
  }, [state.playRequest, clip.sha256, state.open]);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    element.defaultPlaybackRate = state.rate;
    element.playbackRate = state.rate;
  }, [state.rate]);

  // After the last frame the last caption stays, so it can still be read.
  const caption = state.captionsOn
    ? captionAt(clip.captions, Math.min(positionMs, clip.durationMs - 1))
    : null;
  const say = (key: string, values?: Record<string, string>) => announce.polite(t(key, values));

  return (
    <>
      <div className="sign-panel__stage">
        <video
          ref={video}
          className="sign-panel__video"
          src={signClipPath(clip.sha256)}
          width={clip.width}
          height={clip.height}
          muted
          playsInline
          preload="auto"
          disablePictureInPicture
          aria-label={t('video')}
          aria-describedby={caption ? 'sign-caption' : undefined}
          onPlay={() => setPaused(false)}
          onPause={() => setPaused(true)}
          onEnded={() => say('announce.ended')}
          onError={() => setFailed(true)}
          onTimeUpdate={(event) => setPositionMs(event.currentTarget.currentTime * 1000)}
          onLoadedMetadata={(event) => {
            event.currentTarget.playbackRate = state.rate;
          }}
        />
        {caption ? (
          <p id="sign-caption" className="sign-panel__caption" lang={clip.captionLanguage}>
            {caption.text}
          </p>
        ) : null}
      </div>
      {failed ? (
        <p className="sign-panel__note" role="alert">
          <Text ns="sign_language" k="failed" />
        </p>
      ) : null}
      {clip.review === 'unreviewed' ? (
        <p className="sign-panel__note">
          <Text ns="sign_language" k="unreviewed" />
        </p>
      ) : null}
      <div className="sign-panel__controls">
        <KioskButton
          variant="primary"
          onPress={() => {
            const element = video.current;
            if (!element) return;
            if (element.paused) {
              if (element.ended) element.currentTime = 0;
              void element.play()?.catch(() => setPaused(true));
              say('announce.playing');
            } else {
              element.pause();
              say('announce.paused');
            }
          }}
        >
          <Text ns="sign_language" k={paused ? 'play' : 'pause'} />
        </KioskButton>
        <KioskButton
          onPress={() => {
            controller.replay();
            say('announce.replay');
          }}
        >
          <Text ns="sign_language" k="replay" />
        </KioskButton>
        <fieldset className="sign-panel__rates">
          <legend className="visually-hidden">
            <Text ns="sign_language" k="rate.label" />
          </legend>
          {SIGN_RATES.map((rate) => (
            <KioskButton
              key={rate}
              pressed={state.rate === rate}
              onPress={() => {
                controller.setRate(rate);
                say('announce.rate', { rate: t(RATE_KEYS[rate]) });
              }}
            >
              <Text ns="sign_language" k={RATE_KEYS[rate]} />
            </KioskButton>
          ))}
        </fieldset>
        <KioskButton
          pressed={state.captionsOn}
          onPress={() => {
            controller.setCaptions(!state.captionsOn);
            say(state.captionsOn ? 'announce.captions_off' : 'announce.captions_on');
          }}
        >
          <Text ns="sign_language" k="captions" />
        </KioskButton>
      </div>
    </>
  );
}

/** A screen without a clip says so plainly and offers the video call to an interpreter. */
function NoClip() {
  const { store } = useApp();
  const onCallScreen = useSession(store, (s) => s.screen.name === 'video_call');
  return (
    <>
      <p className="sign-panel__none">
        <Text ns="sign_language" k="no_clip" />
      </p>
      {onCallScreen ? null : (
        <>
          <p>
            <Text ns="sign_language" k="no_clip_call" />
          </p>
          <KioskButton variant="primary" onPress={() => store.navigate({ name: 'video_call' })}>
            <Text ns="sign_language" k="call_interpreter" />
          </KioskButton>
        </>
      )}
    </>
  );
}

/** The sign-language panel beside the screen (loaded on demand by SignPanelSlot). */
export default function SignPanel({ controller }: { controller: SignController }) {
  const state = useSignState()!;
  const { store } = useApp();
  const signFirst = useSession(store, (s) => s.settings.signFirst);
  const announce = useAnnounce();
  const { t } = useTranslation('sign_language');
  const panel = useRef<HTMLElement>(null);
  const clip = state.shownKey ? state.clips?.get(state.shownKey) : undefined;
  const looked = state.clips !== null;

  // Opened by a button press: focus moves to the panel's first control (play, or the call offer).
  useEffect(() => {
    if (!state.open || !state.focusPanel || !looked) return;
    panel.current?.querySelector<HTMLButtonElement>('button')?.focus();
    controller.panelFocused();
  }, [controller, state.open, state.focusPanel, looked]);

  return (
    <aside
      id="sign-panel"
      ref={panel}
      className="sign-panel"
      aria-labelledby="sign-panel-heading"
      hidden={!state.open}
    >
      <h2 id="sign-panel-heading" className="sign-panel__heading">
        <Text ns="sign_language" k="heading" />
      </h2>
      {clip ? <ClipPlayer controller={controller} clip={clip} /> : looked ? <NoClip /> : null}
      <div className="sign-panel__controls">
        <KioskButton
          pressed={signFirst}
          describedBy="sign-first-hint"
          onPress={() => {
            store.setSignFirst(!signFirst);
            announce.polite(t(signFirst ? 'announce.sign_first_off' : 'announce.sign_first_on'));
          }}
        >
          <Text ns="sign_language" k="sign_first" />
        </KioskButton>
        <KioskButton onPress={() => controller.close()}>
          <Text ns="sign_language" k="close" />
        </KioskButton>
      </div>
      <p id="sign-first-hint" className="sign-panel__hint">
        <Text ns="sign_language" k="sign_first_hint" />
      </p>
    </aside>
  );
}
