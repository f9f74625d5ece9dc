/** Why a camera or microphone could not be opened, in the words the technician screen uses. */
export type MediaProblem = 'not_found' | 'denied' | 'busy' | 'unsupported' | 'failed';
export type MediaKind = 'camera' | 'microphone';

/** RMS level (0–1) above which the microphone test counts as "sound heard" (about −34 dBFS). */
export const SOUND_THRESHOLD = 0.02;

/** Maps getUserMedia's DOMException names (and Chromium's older aliases) to a problem. */
export function mediaProblem(error: unknown): MediaProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  switch (name) {
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'not_found';
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}

const CONSTRAINTS: Record<MediaKind, MediaStreamConstraints> = {
  camera: { video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false },
  microphone: {
    audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    video: false,
  },
};

/** Opens one device; a failure is a value, never a throw. */
export async function openMedia(
  kind: MediaKind,
): Promise<{ ok: true; stream: MediaStream } | { ok: false; problem: MediaProblem }> {
  if (!navigator.mediaDevices?.getUserMedia) return { ok: false, problem: 'unsupported' };
  try {
    return { ok: true, stream: await navigator.mediaDevices.getUserMedia(CONSTRAINTS[kind]) };
  } catch (error) {
    return { ok: false, problem: mediaProblem(error) };
  }
}

/** Root mean square of one block of samples (−1…1). */
export function rmsLevel(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / samples.length);
}

/** Samples in one meter block (about 43 ms at 48 kHz). */
export const METER_BLOCK = 2048;

/**
 * The loudest block's RMS in a buffer holding everything since the last look, so a short sound between two
 * looks (a clap, the fake device's beep, a page busy for a moment) is never missed.
 */
export function loudestBlockRms(samples: Float32Array, block = METER_BLOCK): number {
  let loudest = 0;
  for (let start = 0; start < samples.length; start += block)
    loudest = Math.max(loudest, rmsLevel(samples.subarray(start, start + block)));
  return loudest;
}

/** Calls `onFrame` for every decoded video frame (Chromium's requestVideoFrameCallback). */
export function watchFrames(video: HTMLVideoElement, onFrame: () => void): () => void {
  let handle = 0;
  const next = () => {
    onFrame();
    handle = video.requestVideoFrameCallback(next);
  };
  handle = video.requestVideoFrameCallback(next);
  return () => video.cancelVideoFrameCallback(handle);
}
