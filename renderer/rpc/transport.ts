import type { RpcResponse } from '../../common/contract';

/** One RPC, two ways to carry it: Electron IPC (preload) or HTTP on loopback (dev host). */
export interface Transport {
  invoke(method: string, args: unknown): Promise<RpcResponse>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

/** What the Electron preload exposes through contextBridge. */
export interface KioskBridge {
  invoke(method: string, args: unknown): Promise<RpcResponse>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    kiosk?: KioskBridge;
  }
}

const TOKEN_KEY = 'kiosk.devhost.token';
const EVENTS_RETRY_MS = 1000;

/** The dev host hands the per-run token in the URL fragment; keep it for this tab and hide it from the bar. */
function devHostToken(): string {
  const match = /(?:^|[#&])token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = devHostToken();
  const headers = { authorization: `Bearer ${token}` };
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let streaming = false;

  async function readEvents() {
    const response = await fetch('events', { headers });
    if (!response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (name && data) for (const listener of listeners.get(name) ?? []) listener(JSON.parse(data));
        end = buffer.indexOf('\n\n');
      }
    }
  }

  /** The stream ends when the dev host restarts; open it again (the token survives restarts: host_token.ts). */
  async function streamEvents() {
    for (;;) {
      await readEvents().catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, EVENTS_RETRY_MS));
    }
  }

  return {
    async invoke(method, args) {
      const response = await fetch('rpc', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ method, args }),
      });
      return (await response.json()) as RpcResponse;
    },
    subscribe(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      if (!streaming) {
        streaming = true;
        void streamEvents();
      }
      return () => listeners.get(event)?.delete(listener);
    },
  };
}

/** IPC when running inside the Electron shell, else HTTP to the dev host that served this page. */
export function pickTransport(): Transport {
  return window.kiosk ?? httpTransport();
}
