// Benchmark only (evaluated into a page by tests/bench/media_sync_bench.ts): watches a received <video> for the
// synthetic sender's white flashes (requestVideoFrameCallback + luminance of the frame's centre) and its audio
// for the beeps (RMS of 64-sample blocks of an AnalyserNode window, dated on the audio clock). Onsets are epoch ms in `window.__flashBeepProbe[selector]`.
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
  // 2048 frames (about 43 ms): a poll delayed by a busy machine still finds the onset inside the window.
  analyser.fftSize = 2048;
  audio.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const BLOCK = 64;
  let loud = false;
  let processedUntil = 0;
  setInterval(() => {
    // The window ends at the context's render position; getOutputTimestamp maps that clock to performance
    // time, so the onset is dated by its sample position, not by when this poll happened to run.
    const end = audio.currentTime;
    const output = audio.getOutputTimestamp();
    // Before the output has started there is no timestamp yet: date the window's end as "now".
    const stamp = output.performanceTime ? output : { contextTime: end, performanceTime: performance.now() };
    analyser.getFloatTimeDomainData(samples);
    for (let start = 0; start + BLOCK <= samples.length; start += BLOCK) {
      const at = end - (samples.length - start) / audio.sampleRate;
      if (at < processedUntil - 0.5 / audio.sampleRate) continue; // seen in the previous poll
      let energy = 0;
      for (let i = start; i < start + BLOCK; i += 1) energy += samples[i] * samples[i];
      const isLoud = Math.sqrt(energy / BLOCK) > 0.05;
      if (isLoud && !loud)
        seen.beeps.push(performance.timeOrigin + stamp.performanceTime + (at - stamp.contextTime) * 1000);
      loud = isLoud;
      processedUntil = at + BLOCK / audio.sampleRate;
    }
  }, 5);
  window.__flashBeepProbe = { ...window.__flashBeepProbe, [selector]: seen };
  return true;
};
