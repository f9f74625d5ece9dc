import type { CallKind } from '../common/video/roster';
import {
  type ClientMessage,
  type ServerMessage,
  serverMessageSchema,
  VIDEO_WS_PATH,
} from '../common/video/signal_messages';
import { openCallMedia, stopMedia, watchAudioLevel } from '../renderer/screens/video/media_devices';
import { PeerMesh } from '../renderer/screens/video/peer_mesh';

/** The agent console in the hub's page (built by `scripts/build_web.ts`, served by `hub/video/agent_page.ts`). */
interface Strings {
  [key: string]: string | Record<string, string>;
  kind: Record<CallKind, string>;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const strings = JSON.parse($('strings').textContent ?? '{}') as Strings;
const text = (key: string) => String(strings[key] ?? key);

let socket: WebSocket | null = null;
let callId: string | null = null;
let ringingId: string | null = null;
let media: MediaStream | null = null;
let mesh: PeerMesh | null = null;
let available = true;
const stopMeters: (() => void)[] = [];
/** Per other party: their name (from `connected`; empty for the visitor) and their meter's stop function. */
const peerNames = new Map<string, string>();
const remoteMeters = new Map<string, () => void>();

function status(message: string): void {
  $('status').textContent = message;
}

function send(message: ClientMessage): void {
  socket?.send(JSON.stringify(message));
}

function addChat(who: string, message: string): void {
  const item = document.createElement('li');
  item.textContent = `${who}: ${message}`;
  $('chat-log').append(item);
}

function endCall(): void {
  mesh?.close();
  mesh = null;
  for (const stop of stopMeters.splice(0)) stop();
  for (const stop of remoteMeters.values()) stop();
  remoteMeters.clear();
  peerNames.clear();
  stopMedia(media);
  media = null;
  callId = null;
  $('videos').replaceChildren();
  ($('self') as HTMLVideoElement).srcObject = null;
  $('call').hidden = true;
  status(text('ended'));
}

/** Each other party of the call (the visitor, or an agent in a three-way call): video and sound meter. */
function showRemote(peer: string, stream: MediaStream | null): void {
  const id = `remote-${peer}`;
  const shown = document.getElementById(id);
  // ontrack fires once per track of the same stream: keep the element (and its meter) that already shows it.
  if (stream && shown?.querySelector('video')?.srcObject === stream) return;
  shown?.remove();
  remoteMeters.get(peer)?.();
  remoteMeters.delete(peer);
  if (!stream) return;
  const who = peerNames.get(peer) || text('visitor');
  const box = document.createElement('div');
  box.id = id;
  const video = document.createElement('video');
  video.autoplay = true;
  video.playsInline = true;
  video.setAttribute('aria-label', `${text('remoteVideo')}: ${who}`);
  video.srcObject = stream;
  const meter = document.createElement('meter');
  meter.min = 0;
  meter.max = 1;
  meter.setAttribute('aria-label', `${text('audioLevel')}: ${who}`);
  box.append(video, meter);
  $('videos').append(box);
  remoteMeters.set(
    peer,
    watchAudioLevel(stream, (level) => (meter.value = level)),
  );
}

async function handle(message: ServerMessage): Promise<void> {
  switch (message.type) {
    case 'welcome': {
      const kinds = [...document.querySelectorAll<HTMLInputElement>('input[name=kind]:checked')].map(
        (box) => box.value as CallKind,
      );
      send({ type: 'available', kinds });
      $('sign-in').hidden = true;
      $('duty').hidden = false;
      status(text('available'));
      return;
    }
    case 'ringing':
      ringingId = message.callId;
      $('ring-text').textContent =
        `${text(message.invited ? 'invitedRinging' : 'ringing')} ${strings.kind[message.kind]}`;
      $('ring').hidden = false;
      document.body.classList.add('ringing');
      $('answer').focus();
      return;
    case 'connected':
      if (!mesh) return;
      peerNames.set(message.peer, message.peerName);
      await mesh.connect(message.peer, message.makeOffer);
      return;
    case 'signal':
      await mesh?.receive(message.from, message.data);
      return;
    case 'chat':
      addChat(message.from === 'visitor' ? text('visitor') : message.name, message.text);
      return;
    case 'left':
      mesh?.drop(message.party);
      return;
    case 'ended':
      if (message.callId === ringingId) stopRinging();
      if (message.callId === callId) endCall();
      return;
    case 'error':
      if (message.code === 'no_agent') status(text('noAgent'));
      if (message.code === 'no_name') status(text('noName'));
      return;
    case 'calling':
    case 'presence':
      return;
  }
}

function stopRinging(): void {
  ringingId = null;
  $('ring').hidden = true;
  document.body.classList.remove('ringing');
}

async function answer(): Promise<void> {
  const id = ringingId;
  if (!id) return;
  stopRinging();
  media = await openCallMedia();
  ($('self') as HTMLVideoElement).srcObject = media;
  stopMeters.push(watchAudioLevel(media, (level) => (($('self-level') as HTMLMeterElement).value = level)));
  mesh = new PeerMesh(media, [], {
    signal: (peer, data) => callId && send({ type: 'signal', callId, to: peer, data }),
    remote: showRemote,
  });
  callId = id;
  $('call').hidden = false;
  status(text('inCall'));
  send({ type: 'answer', callId: id });
  $('hangup').focus();
}

function connect(token: string): void {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  socket = new WebSocket(`${scheme}://${location.host}${VIDEO_WS_PATH}`);
  socket.onopen = () => send({ type: 'hello', token });
  socket.onmessage = (event) => {
    const parsed = serverMessageSchema.safeParse(JSON.parse(String(event.data)));
    if (!parsed.success) return;
    if (parsed.data.type === 'error' && parsed.data.code === 'unauthorized') status(text('unauthorized'));
    void handle(parsed.data);
  };
  socket.onclose = (event) => {
    if (callId) endCall();
    $('sign-in').hidden = false;
    $('duty').hidden = true;
    // 4401: the token was refused (said already); 4403: it was revoked while signed in.
    if (event.code === 4403) status(text('revoked'));
    else if (event.code !== 4401) status(text('disconnected'));
  };
}

$('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  connect(($('token') as HTMLInputElement).value.trim());
  ($('token') as HTMLInputElement).value = '';
});
$('toggle').addEventListener('click', () => {
  available = !available;
  if (available) {
    const kinds = [...document.querySelectorAll<HTMLInputElement>('input[name=kind]:checked')].map(
      (box) => box.value as CallKind,
    );
    send({ type: 'available', kinds });
  } else send({ type: 'unavailable' });
  $('toggle').textContent = text(available ? 'pause' : 'resume');
  status(text(available ? 'available' : 'unavailable'));
});
$('answer').addEventListener('click', () => void answer());
$('hangup').addEventListener('click', () => {
  if (callId) send({ type: 'hangup', callId });
  endCall();
});
$('invite').addEventListener('click', () => {
  if (callId)
    send({ type: 'invite', callId, kind: ($('invite-kind') as HTMLSelectElement).value as CallKind });
});
$('chat').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $('chat-text') as HTMLInputElement;
  const message = input.value.trim();
  if (!message || !callId) return;
  send({ type: 'chat', callId, text: message });
  addChat(text('you'), message);
  input.value = '';
});

/** For the e2e test and the benchmark: the live peer connections (getStats). */
(window as unknown as { __agentCall: () => RTCPeerConnection[] }).__agentCall = () =>
  mesh?.connections() ?? [];
