// Benchmark only (evaluated into a page by tests/bench/media_sync_bench.ts): watches a received <video> for the
// synthetic sender's white flashes (requestVideoFrameCallback + luminance of the frame's centre) and its audio
// for the beeps (AnalyserNode RMS polled every 2 ms). Onsets are epoch ms in `window.__flashBeepProbe[selector]`.
window.__installFlashBeepProbe = (selector) => {
  const video = document.querySelector(selector);
  const stream = video?.srcObject;
  if (!video || !stream) return false;
  const seen = { flashes: [], beeps: [] };
  const canvas = document.createElement('canvas');
  canvas.width = 32;
  canvas.height = 24;
  const g = canvas.getContext('2d', { willReadFrequently: true });
  let lit = false;
  const onFrame = (_now, meta) => {
    g.drawImage(video, 0, 0, canvas.width, canvas.height);
    const pixels = g.getImageData(8, 6, 16, 12).data;
    let sum = 0;
    for (let i = 0; i < pixels.length; i += 4) sum += pixels[i] + pixels[i + 1] + pixels[i + 2];
    const bright = sum / (pixels.length / 4) / 3 > 128;
    // expectedDisplayTime: when this frame is on screen, i.e. when the visitor sees the flash.
    if (bright && !lit) seen.flashes.push(performance.timeOrigin + meta.expectedDisplayTime);
    lit = bright;
    video.requestVideoFrameCallback(onFrame);
  };
  video.requestVideoFrameCallback(onFrame);

  const audio = new AudioContext();
  const analyser = audio.createAnalyser();
  analyser.fftSize = 256;
  audio.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let loud = false;
  setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let energy = 0;
    for (const sample of samples) energy += sample * sample;
    const isLoud = Math.sqrt(energy / samples.length) > 0.05;
    if (isLoud && !loud) seen.beeps.push(performance.timeOrigin + performance.now());
    loud = isLoud;
  }, 2);
  window.__flashBeepProbe = { ...window.__flashBeepProbe, [selector]: seen };
  return true;
};
