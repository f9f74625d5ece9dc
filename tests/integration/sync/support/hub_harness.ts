import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHubServer, type HubOptions, listenHub, type RunningHub } from '../../../../hub/hub_server';
import { prepareItem } from '../../../../hub/publish';
import type { HubStore } from '../../../../hub/storage/hub_store';
import { openSqliteHubStore } from '../../../../hub/storage/sqlite_hub_store';
import { issueToken } from '../../../../hub/tokens';
import { createLogger, type Logger } from '../../../../node_shared/logger';
import { testPki } from '../../../support/test_pki';
import { fixtureTemplateBytes } from './fixture_template';

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

const quietLogger: Logger = createLogger(() => {});

/** Publishes the fixture template (version 1.0.0) into a hub store. */
export async function publishFixture(store: HubStore, version = '1.0.0'): Promise<void> {
  const item = prepareItem({ kind: 'template', body: fixtureTemplateBytes(version) });
  if (!item.ok) throw new Error(item.error);
  await store.publish({ ...item.value, publishedAt: new Date().toISOString() });
}

export async function enrollTerminal(
  store: HubStore,
  terminalId: string,
  centre = 'centre-a',
): Promise<string> {
  return (await issueToken(store, { role: 'terminal', terminalId, centre }, new Date())).token;
}

export async function staffToken(store: HubStore, centre: string | null = null): Promise<string> {
  return (await issueToken(store, { role: 'staff', centres: centre === null ? null : [centre] }, new Date()))
    .token;
}

export interface TestHub extends RunningHub {
  store: HubStore;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * A hub in this process on 127.0.0.1 with the fixture template published (SQLite unless a store is given),
 * serving HTTPS with the test centre's certificate (`plainHttp: true` for the few tests about plain HTTP).
 */
export async function startTestHub(
  options: Partial<Omit<HubOptions, 'logger'>> & {
    dataDir?: string;
    port?: number;
    plainHttp?: boolean;
  } = {},
): Promise<TestHub> {
  const { plainHttp, dataDir: givenDir, port, store: givenStore, ...hubOptions } = options;
  const dataDir = givenDir ?? tempDir('hub');
  const store = givenStore ?? openSqliteHubStore(dataDir);
  await publishFixture(store);
  const running = await listenHub(
    createHubServer({
      store,
      logger: quietLogger,
      rateLimit: { burst: 10_000, perSecond: 10_000 },
      ...(plainHttp ? {} : { tls: testPki().server }),
      ...hubOptions,
      dataDir,
    }),
    port ?? 0,
  );
  return {
    ...running,
    store,
    dataDir,
    stop: async () => {
      await running.close();
      await store.close();
    },
  };
}

/** Every submission the hub holds, read straight from its store (as staff would list them). */
export function allStored(store: HubStore) {
  return store.listSubmissions({ since: 0, limit: 1_000_000 });
}
