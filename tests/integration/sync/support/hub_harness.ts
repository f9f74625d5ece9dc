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
export function publishFixture(store: HubStore, version = '1.0.0'): void {
  const item = prepareItem({ kind: 'template', body: fixtureTemplateBytes(version) });
  if (!item.ok) throw new Error(item.error);
  store.publish({ ...item.value, publishedAt: new Date().toISOString() });
}

export function enrollTerminal(store: HubStore, terminalId: string, centre = 'centre-a'): string {
  return issueToken(store, { role: 'terminal', terminalId, centre }, new Date()).token;
}

export function staffToken(store: HubStore, centre: string | null = null): string {
  return issueToken(store, { role: 'staff', terminalId: null, centre }, new Date()).token;
}

export interface TestHub extends RunningHub {
  store: HubStore;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * A hub in this process on 127.0.0.1 with the fixture template published, serving HTTPS with the test
 * centre's certificate (`plainHttp: true` for the few tests about plain HTTP itself).
 */
export async function startTestHub(
  options: Partial<Omit<HubOptions, 'store' | 'logger'>> & {
    dataDir?: string;
    port?: number;
    plainHttp?: boolean;
  } = {},
): Promise<TestHub> {
  const { plainHttp, dataDir: givenDir, port, ...hubOptions } = options;
  const dataDir = givenDir ?? tempDir('hub');
  const store = openSqliteHubStore(dataDir);
  publishFixture(store);
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
      store.close();
    },
  };
}

/** Every submission the hub holds, read straight from its store (as staff would list them). */
export function allStored(store: HubStore) {
  return store.listSubmissions({ since: 0, limit: 1_000_000 });
}
