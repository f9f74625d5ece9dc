import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../a11y/kit_context';
import { diagnostics } from '../../data/technician_data';
import { Text } from '../../i18n/text';
import { stopMedia } from '../video/media_devices';
import {
  loudestBlockRms,
  METER_BLOCK,
  openMedia,
  rmsLevel,
  SOUND_THRESHOLD,
  watchFrames,
} from './media_probe';

const NS = 'technician';
/** How long one test keeps camera and microphone open before closing them. */
export const MEDIA_TEST_MS = 10_000;
const PICTURE_TIMEOUT_MS = 4_000;

interface DeviceView {
  state: 'running' | 'ok' | 'problem';
  lines: string[];
}

const RUNNING: DeviceView = { state: 'running', lines: [] };

function CheckHeading({ id, state }: { id: 'camera' | 'microphone'; state: DeviceView['state'] }) {
  return (
    <h4 className="technician-check__name">
      <Text ns={NS} k={`checks.${id}`} />
      {': '}
      <span className="technician-check__state">
        <Text ns={NS} k={`state.${state}`} />
      </span>
    </h4>
  );
}

/**
 * The real camera and microphone test, in the renderer: a live self-view with the decoded size and the
 * frames per second counted, and a level meter that reports "sound heard" above a threshold. After
 * MEDIA_TEST_MS — or when the panel closes — every track is stopped and the shell's media permission closed.
 * Mount it again (a new `key`) to test again.
 */
export function MediaChecks({ onLocked }: { onLocked: () => void }) {
  const { t } = useTranslation(NS);
  const announce = useAnnounce();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [camera, setCamera] = useState<DeviceView>(RUNNING);
  const [microphone, setMicrophone] = useState<DeviceView>(RUNNING);
  const [level, setLevel] = useState(0);
  const [listening, setListening] = useState(false);
  const [live, setLive] = useState(false);
  const [ended, setEnded] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: one test per mount
  useEffect(() => {
    const video = videoRef.current;
    let cancelled = false;
    const cleanups: (() => void)[] = [];
    const release = () => {
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    };

    const startCamera = (stream: MediaStream) => {
      if (!video) return;
      const track = stream.getVideoTracks()[0];
      const labelLine = t('media.ok_label', { label: track?.label || t('checks.camera') });
      setCamera({ state: 'running', lines: [labelLine, t('media.waiting_picture')] });
      video.srcObject = stream;
      void video.play().catch(() => {});
      setLive(true);
      cleanups.push(() => {
        video.srcObject = null;
        setLive(false);
      });
      let frames = 0;
      let windowStart = performance.now();
      let windowFrames = 0;
      const show = (fps: number) => {
        const settings = track?.getSettings() ?? {};
        const width = video.videoWidth || settings.width || 0;
        const height = video.videoHeight || settings.height || 0;
        setCamera({
          state: 'ok',
          lines: [labelLine, t('media.picture', { width, height, fps: Math.round(fps) })],
        });
      };
      cleanups.push(
        watchFrames(video, () => {
          frames += 1;
          windowFrames += 1;
          const now = performance.now();
          if (frames === 1) show(track?.getSettings().frameRate ?? 0);
          else if (now - windowStart >= 1000) {
            show((windowFrames * 1000) / (now - windowStart));
            windowStart = now;
            windowFrames = 0;
          }
        }),
      );
      const noPicture = setTimeout(() => {
        if (frames === 0) setCamera({ state: 'problem', lines: [labelLine, t('media.no_frames')] });
      }, PICTURE_TIMEOUT_MS);
      cleanups.push(() => clearTimeout(noPicture));
    };

    const startMicrophone = (stream: MediaStream): (() => boolean) => {
      const track = stream.getAudioTracks()[0];
      const labelLine = t('media.ok_label', { label: track?.label || t('checks.microphone') });
      let heard = false;
      setMicrophone({ state: 'running', lines: [labelLine, t('media.speak')] });
      setListening(true);
      const context = new AudioContext();
      cleanups.push(() => void context.close().catch(() => {}));
      void context.resume().catch(() => {});
      const analyser = context.createAnalyser();
      // The largest window (about 0.34 s at 48 kHz) spans several polls: nothing between two looks is lost.
      analyser.fftSize = 16384;
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      const poll = setInterval(() => {
        analyser.getFloatTimeDomainData(samples);
        setLevel(rmsLevel(samples.subarray(samples.length - METER_BLOCK)));
        if (!heard && loudestBlockRms(samples) > SOUND_THRESHOLD) {
          heard = true;
          setMicrophone({ state: 'ok', lines: [labelLine, t('media.heard')] });
        }
      }, 100);
      cleanups.push(() => {
        clearInterval(poll);
        setListening(false);
      });
      return () => {
        if (!heard) setMicrophone({ state: 'problem', lines: [labelLine, t('media.no_sound')] });
        return heard;
      };
    };

    void (async () => {
      const access = await diagnostics.openMedia({ open: true }).catch(() => null);
      if (access && !access.ok) return cancelled ? undefined : onLocked();
      cleanups.push(() => diagnostics.closeMedia({ open: false }));
      // Left while the permission was being opened: close it again right away.
      if (cancelled) return release();
      const [cameraStream, microphoneStream] = await Promise.all([
        openMedia('camera'),
        openMedia('microphone'),
      ]);
      for (const opened of [cameraStream, microphoneStream])
        if (opened.ok) cleanups.push(() => stopMedia(opened.stream));
      if (cancelled) return release();

      if (cameraStream.ok) startCamera(cameraStream.stream);
      else setCamera({ state: 'problem', lines: [t(`media.${cameraStream.problem}`)] });
      let verdict = () => false;
      if (microphoneStream.ok) {
        try {
          verdict = startMicrophone(microphoneStream.stream);
        } catch {
          setMicrophone({ state: 'problem', lines: [t('media.failed')] });
        }
      } else setMicrophone({ state: 'problem', lines: [t(`media.${microphoneStream.problem}`)] });

      if (!cameraStream.ok && !microphoneStream.ok) {
        release();
        return;
      }
      const end = setTimeout(() => {
        verdict();
        release();
        setEnded(true);
        announce.polite(t('media.ended'));
      }, MEDIA_TEST_MS);
      cleanups.push(() => clearTimeout(end));
    })();
    return () => {
      cancelled = true;
      release();
    };
  }, []);

  return (
    <>
      <li
        className={`technician-check technician-check--${camera.state}`}
        aria-busy={camera.state === 'running'}
      >
        <CheckHeading id="camera" state={camera.state} />
        {camera.lines.map((line) => (
          <p key={line} className="technician-check__line">
            {line}
          </p>
        ))}
        <video
          ref={videoRef}
          className="technician-self-view"
          aria-label={t('media.self_view')}
          hidden={!live}
          muted
          playsInline
        />
      </li>
      <li
        className={`technician-check technician-check--${microphone.state}`}
        aria-busy={microphone.state === 'running'}
      >
        <CheckHeading id="microphone" state={microphone.state} />
        {microphone.lines.map((line) => (
          <p key={line} className="technician-check__line">
            {line}
          </p>
        ))}
        {listening ? (
          <meter
            className="technician-level"
            aria-label={t('media.level')}
            min={0}
            max={0.25}
            value={level}
          />
        ) : null}
        {ended ? <p className="technician-check__line">{t('media.ended')}</p> : null}
      </li>
    </>
  );
}
