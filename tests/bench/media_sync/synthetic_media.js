// Benchmark only (evaluated into a page by tests/bench/media_sync_bench.ts, never bundled): replaces the camera
// and microphone with a synthetic stream whose picture flashes white and whose sound beeps at the same instants,
// both driven by one timer, so a receiver can measure delay and audio/video skew. `window.__syntheticMedia.sent`
// holds the epoch time (ms) of every flash/beep onset.
(() => {
  const PERIOD_MS = 1000;
  const ON_MS = 250;
  const FRAME_MS = 33;
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const g = canvas.getContext('2d');
  const audio = new AudioContext();
  const tone = audio.createOscillator();
  tone.frequency.value = 1000;
  const gain = audio.createGain();
  gain.gain.value = 0;
  const sink = audio.createMediaStreamDestination();
  tone.connect(gain).connect(sink);
  tone.start();
  const video = canvas.captureStream(0).getVideoTracks()[0];
  const state = { sent: [], running: false, lit: false, frame: 0, startedAt: 0 };

  const paint = () => {
    g.fillStyle = state.lit ? '#ffffff' : '#000000';
    g.fillRect(0, 0, canvas.width, canvas.height);
    // A moving mark keeps frames flowing like a camera (the encoder never idles between flashes).
    state.frame += 1;
    g.fillStyle = '#808080';
    g.fillRect((state.frame * 8) % canvas.width, 0, 8, 8);
    video.requestFrame();
  };
  let lastPaint = 0;
  setInterval(() => {
    const now = performance.now();
    const phase = state.running ? (now - state.startedAt) % PERIOD_MS : PERIOD_MS;
    const lit = phase < ON_MS;
    if (lit !== state.lit) {
      state.lit = lit;
      // One instant for both: the picture changes and the tone switches in the same tick.
      gain.gain.setValueAtTime(lit ? 0.5 : 0, audio.currentTime);
      if (lit) state.sent.push(performance.timeOrigin + now);
      paint();
      lastPaint = now;
    } else if (now - lastPaint >= FRAME_MS) {
      paint();
      lastPaint = now;
    }
  }, 2);

  const stream = new MediaStream([video, ...sink.stream.getAudioTracks()]);
  navigator.mediaDevices.getUserMedia = async () => stream.clone();
  // The same stream shown locally, without the call: calibrates what the measuring itself adds.
  const monitor = document.createElement('video');
  monitor.id = 'sync-monitor';
  monitor.muted = true;
  monitor.autoplay = true;
  monitor.style.cssText =
    'position:fixed;inset-block-start:0;inset-inline-start:0;inline-size:64px;block-size:48px;z-index:99';
  monitor.srcObject = stream;
  document.body.append(monitor);
  window.__syntheticMedia = {
    sent: state.sent,
    start: () => {
      state.startedAt = performance.now();
      state.running = true;
    },
    stop: () => {
      state.running = false;
    },
  };
})();
