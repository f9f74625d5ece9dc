import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubServer, listenHub, type RunningHub } from '../../../hub/hub_server';
import type { HubStore } from '../../../hub/storage/hub_store';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { issueToken } from '../../../hub/tokens';
import { createLogger } from '../../../node_shared/logger';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';

let store: HubStore;
let hub: RunningHub;
let browser: BrowserContext;
let page: Page;
const now = new Date('2026-11-28T10:00:00Z');

function beat(terminalId: string, minutesAgo: number, printer: 'ok' | 'offline') {
  return store.recordHeartbeat({
    terminalId,
    receivedAt: new Date(now.getTime() - minutesAgo * 60_000).toISOString(),
    heartbeat: {
      appVersion: '1.4.0',
      schemaVersion: 2,
      queue: { pending: minutesAgo, rejected: 0, quarantined: 0 },
      lastSyncAt: null,
      printer: { status: printer },
      speech: { status: 'ok' },
      update:
        printer === 'offline'
          ? { status: 'update_failed', attemptedVersion: '1.5.0', runningVersion: '1.4.0' }
          : { status: 'none' },
    },
  });
}

beforeAll(async () => {
  store = openSqliteHubStore(fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-e2e-')));
  const admin = (await issueToken(store, { role: 'admin', centres: null }, now)).token;
  await beat('kiosk-dh-02', 2, 'ok');
  await beat('kiosk-qs-01', 40, 'offline');
  await beat('kiosk-kdl-03', 14, 'ok');
  hub = await listenHub(createHubServer({ store, logger: createLogger(() => {}), now: () => now }), 0);
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setExtraHTTPHeaders({ authorization: `Bearer ${admin}` });
});

afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await store?.close();
});

describe('fleet page in Chromium', () => {
  it.each(['zh-CN', 'en'])(
    'is a table screen readers can navigate, stale terminals first and named as stale (%s), axe clean',
    async (lang) => {
      await page.goto(`${hub.url}/fleet?lang=${lang}`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      const rows = page.getByRole('row');
      expect(await rows.count()).toBe(4);
      const firstRow = (await rows.nth(1).textContent()) ?? '';
      expect(firstRow).toContain('kiosk-qs-01');
      expect(firstRow).toContain(lang === 'en' ? 'Stale (over 15 minutes)' : '已失联（超过 15 分钟）');
      expect(firstRow).toContain(
        lang === 'en' ? 'update to 1.5.0 failed; still running 1.4.0' : '更新到 1.5.0 失败，仍在运行 1.4.0',
      );
      expect(await rows.nth(2).textContent()).toContain('kiosk-dh-02');
      expect(await page.getByRole('rowheader', { name: 'kiosk-kdl-03' }).count()).toBe(1);
      expect(await runAxe(page)).toEqual([]);
    },
  );
});
