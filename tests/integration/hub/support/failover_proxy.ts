import net from 'node:net';

export interface FailoverProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A load balancer in front of several hub processes on 127.0.0.1: each connection goes to the next port in
 * turn, and to the one after it when that one refuses (a killed process), as a TCP load balancer with health
 * checks would.
 */
export async function startFailoverProxy(ports: readonly number[]): Promise<FailoverProxy> {
  let turn = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    client.pause();
    const start = turn++;
    const attempt = (tried: number) => {
      if (tried >= ports.length) return void client.destroy();
      const upstream = net.connect(ports[(start + tried) % ports.length]!, '127.0.0.1');
      // Refused before connecting: the process is gone, try the next one.
      upstream.once('error', () => attempt(tried + 1));
      upstream.once('connect', () => {
        sockets.add(upstream);
        upstream.once('close', () => sockets.delete(upstream));
        upstream.removeAllListeners('error');
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.once('close', () => upstream.destroy());
        upstream.once('close', () => client.destroy());
        client.resume();
      });
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
