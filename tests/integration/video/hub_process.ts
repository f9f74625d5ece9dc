import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import type { ClientMessage, ServerMessage } from '../../../common/video/signal_messages';
import { VIDEO_WS_PATH } from '../../../common/video/signal_messages';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { issueToken } from '../../../hub/tokens';
import { testPki } from '../../support/test_pki';
import { spawnTypeScript } from '../../support/test_processes';

export interface HubProcess {
  url: string;
  child: ChildProcess;
  tokens: { kioskA: string; kioskB: string; agent1: string; agent2: string };
  output: () => string;
  stop(): Promise<void>;
}

/**
 * The real hub (`hub/main.ts`, one process) on 127.0.0.1, serving HTTPS with the test centre's certificate
 * (`--cert`, `--key`), with two terminals and two staff tokens enrolled.
 */
export async function startHubProcess(): Promise<HubProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'video-hub-'));
  const store = openSqliteHubStore(dataDir);
  const kiosk = async (terminalId: string) =>
    (await issueToken(store, { role: 'terminal', terminalId, centre: 'centre-a' }, new Date())).token;
  const agent = async (name: string) =>
    (await issueToken(store, { role: 'staff', centres: ['centre-a'], name }, new Date())).token;
  const tokens = {
    kioskA: await kiosk('kiosk-a'),
    kioskB: await kiosk('kiosk-b'),
    agent1: await agent('Agent One'),
    agent2: await agent('Agent Two'),
  };
  await store.close();
  const { certFile, keyFile } = testPki().server;
  const child = spawnTypeScript(
    'hub/main.ts',
    ['--port', '0', '--data', dataDir, '--cert', certFile, '--key', keyFile],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start: ${output}`)), 30_000);
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((l) => l.startsWith('{"event":"ready"'));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      }
    });
    child.on('exit', (code) => reject(new Error(`hub exited ${code}: ${output}`)));
  });
  return {
    url,
    child,
    tokens,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A signalling client that records every message, for assertions. */
export class TestClient {
  readonly messages: ServerMessage[] = [];
  readonly ws: WebSocket;
  readonly opened: Promise<void>;
  closeCode: number | null = null;
  readonly closed: Promise<number>;

  constructor(hubUrl: string, headers: Record<string, string> = {}) {
    // An agent's browser trusts the centre's CA (installed on the staff PCs); here: the test CA.
    this.ws = new WebSocket(hubUrl.replace(/^http/, 'ws') + VIDEO_WS_PATH, {
      headers,
      ca: testPki().caCertificate,
    });
    this.ws.on('message', (data) => this.messages.push(JSON.parse(data.toString()) as ServerMessage));
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) =>
      this.ws.once('close', (code) => {
        this.closeCode = code;
        resolve(code);
      }),
    );
  }

  send(message: ClientMessage | Record<string, unknown>): void {
    this.ws.send(JSON.stringify(message));
  }

  raw(data: string | Buffer): void {
    this.ws.send(data);
  }

  /** Waits for the first message (from now on or already received) matching `predicate`. */
  async next<T extends ServerMessage['type']>(
    type: T,
    predicate: (message: Extract<ServerMessage, { type: T }>) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.messages.find(
        (m): m is Extract<ServerMessage, { type: T }> =>
          m.type === type && predicate(m as Extract<ServerMessage, { type: T }>),
      );
      if (found) {
        this.messages.splice(this.messages.indexOf(found), 1);
        return found;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(
      `no ${type} within ${timeoutMs} ms; got ${JSON.stringify(this.messages.map((m) => m.type))}`,
    );
  }

  close(): void {
    this.ws.close();
  }
}

export async function signedIn(hubUrl: string, token: string): Promise<TestClient> {
  const client = new TestClient(hubUrl);
  await client.opened;
  client.send({ type: 'hello', token });
  await client.next('welcome');
  return client;
}
