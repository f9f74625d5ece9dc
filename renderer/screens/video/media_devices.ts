/** Camera and microphone for a call: 640×480 or better at 20–30 fps, so hands and face stay readable. */
export const CALL_CONSTRAINTS: MediaStreamConstraints = {
  video: {
    width: { min: 320, ideal: 640 },
    height: { min: 240, ideal: 480 },
    frameRate: { min: 20, ideal: 30 },
  },
  audio: { echoCancellation: true, noiseSuppression: true },
};

export function openCallMedia(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia(CALL_CONSTRAINTS);
}

/** Releases the camera and microphone (the camera light goes out). */
export function stopMedia(stream: MediaStream | null): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/**
 * Calls `onLevel` (0–1) about ten times a second with the loudness of the stream's audio, for the visual
 * "someone is speaking" indicator. Returns the function that stops listening.
 */
export function watchAudioLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  if (stream.getAudioTracks().length === 0 || typeof AudioContext === 'undefined') return () => {};
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getByteTimeDomainData(samples);
    let peak = 0;
    for (const sample of samples) peak = Math.max(peak, Math.abs(sample - 128));
    onLevel(Math.min(1, peak / 64));
  }, 100);
  return () => {
    clearInterval(timer);
    void context.close();
  };
}
