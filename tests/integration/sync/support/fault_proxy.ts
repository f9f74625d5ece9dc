import net from 'node:net';

/**
 * A TCP proxy for tests that injects network faults between the kiosk and the hub, one fault per
 * connection: added latency, 1–5 KB/s bandwidth, a cut in the middle of the request or the answer,
 * a reset, or a hang after the request reached the hub.
 */
export const FAULTS = ['pass', 'latency', 'slow', 'cut_request', 'cut_response', 'reset', 'hang'] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultProxy {
  url: string;
  /** How many connections got each fault. */
  counts: Record<Fault, number>;
  /** Cuts every open connection (a network blip): the next request needs a new connection. */
  dropConnections(): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Forwards `from` → `to`, each chunk after `delayMs`, at most `bytesPerSecond`, stopping after `limit` bytes. */
function relay(
  from: net.Socket,
  to: net.Socket,
  options: { delayMs?: number; bytesPerSecond?: number; limit?: number; onLimit?: () => void },
): void {
  let queue = Promise.resolve();
  let sent = 0;
  from.on('data', (chunk: Buffer) => {
    queue = queue.then(async () => {
      if (to.destroyed) return;
      let data = chunk;
      if (options.limit !== undefined && sent + data.length >= options.limit) {
        data = data.subarray(0, Math.max(0, options.limit - sent));
        to.write(data);
        sent += data.length;
        options.onLimit?.();
        return;
      }
      if (options.delayMs) await sleep(options.delayMs);
      if (options.bytesPerSecond) {
        const slice = Math.max(1, Math.floor(options.bytesPerSecond / 10));
        for (let offset = 0; offset < data.length && !to.destroyed; offset += slice) {
          to.write(data.subarray(offset, offset + slice));
          await sleep(100);
        }
      } else if (!to.destroyed) to.write(data);
      sent += data.length;
    });
  });
  from.on('end', () => void queue.then(() => to.end()));
}

export async function startFaultProxy(
  /** `url`: the hub behind the proxy; TLS passes through untouched, so the proxy's URL keeps its scheme. */
  target: { url: string },
  choose: (connection: number) => Fault,
  random: () => number = Math.random,
): Promise<FaultProxy> {
  const hub = new URL(target.url);
  const counts = Object.fromEntries(FAULTS.map((fault) => [fault, 0])) as Record<Fault, number>;
  const sockets = new Set<net.Socket>();
  let connection = 0;
  const server = net.createServer((client) => {
    const fault = choose(connection++);
    counts[fault]++;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (fault === 'reset') {
      client.once('data', () => client.resetAndDestroy());
      return;
    }
    const upstream = net.connect(Number(hub.port), hub.hostname);
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    const cutBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    switch (fault) {
      case 'pass':
      case 'latency': {
        const delayMs = fault === 'latency' ? 5 + Math.floor(random() * 40) : 0;
        relay(client, upstream, { delayMs });
        relay(upstream, client, { delayMs });
        // Keep-alive would let one lucky connection carry everything: end it after a short while.
        setTimeout(cutBoth, 100 + random() * 400).unref();
        break;
      }
      case 'slow': {
        const bytesPerSecond = 1024 + Math.floor(random() * 4 * 1024);
        relay(client, upstream, { bytesPerSecond });
        relay(upstream, client, { bytesPerSecond });
        break;
      }
      case 'cut_request':
        relay(client, upstream, {
          limit: 50 + Math.floor(random() * 800),
          onLimit: () => setTimeout(cutBoth, 20),
        });
        relay(upstream, client, {});
        break;
      case 'cut_response':
        relay(client, upstream, {});
        relay(upstream, client, { limit: Math.floor(random() * 200), onLimit: cutBoth });
        break;
      case 'hang':
        // The request reaches the hub (which may store it); the answer never comes back.
        relay(client, upstream, {});
        break;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `${hub.protocol}//127.0.0.1:${port}`,
    counts,
    dropConnections: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
