import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createHubServer, listenHub, type RunningHub } from '../../../hub/hub_server';
import type { HubStore } from '../../../hub/storage/hub_store';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { issueToken } from '../../../hub/tokens';
import { createLogger } from '../../../node_shared/logger';
import { openKiosk, writeTestConfig } from '../a11y/kiosk_page';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';

/** Chromium's synthetic camera and microphone, accepted without a prompt. */
export const FAKE_MEDIA = [
  // 30 fps like a real webcam (the fake default is 20), so frame-rate margin is measured, not assumed.
  '--use-fake-device-for-media-stream=fps=30',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

export interface VideoWorld {
  hub: RunningHub;
  store: HubStore;
  host: RunningDevHost;
  browser: BrowserContext;
  agentToken(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** A hub on 127.0.0.1, a kiosk dev host enrolled with it, and one Chromium with the fake camera. */
export async function startVideoWorld(extraChromiumArgs: string[] = []): Promise<VideoWorld> {
  const hubDir = fs.mkdtempSync(path.join(os.tmpdir(), 'video-e2e-hub-'));
  const store = openSqliteHubStore(hubDir);
  const hub = await listenHub(createHubServer({ store, dataDir: hubDir, logger: createLogger(() => {}) }), 0);
  const terminal = await issueToken(
    store,
    { role: 'terminal', terminalId: 'sample-kiosk-01', centre: 'baotou-city-centre' },
    new Date(),
  );
  const host = await startDevHost({
    configPath: writeTestConfig({ hubUrl: hub.url, hubToken: terminal.token }),
    trustedHubs: [hub.url],
  });
  const browser = await launchChromium([...FAKE_MEDIA, ...extraChromiumArgs]);
  return {
    hub,
    store,
    host,
    browser,
    // Each agent has a token of its own, bound to the kiosk's centre, with the name the hub shows visitors.
    agentToken: async (name) =>
      (await issueToken(store, { role: 'staff', centres: ['baotou-city-centre'], name }, new Date())).token,
    stop: async () => {
      await browser.close();
      await host.stop();
      await hub.close();
      await store.close();
    },
  };
}

export async function openCallScreen(page: Page, host: RunningDevHost): Promise<void> {
  await openKiosk(page, host);
  await page.evaluate(() => window.__kioskDebug!.store.navigate({ name: 'video_call' }));
  await page.getByRole('heading', { name: '视频通话：手语翻译、律师' }).waitFor();
}

export async function agentSignsIn(
  page: Page,
  hubUrl: string,
  token: string,
  kindLabel = '手语翻译',
): Promise<void> {
  await page.goto(`${hubUrl}/agent`);
  await page.getByLabel('工作人员令牌').fill(token);
  await page.getByLabel(kindLabel).check();
  await page.getByRole('button', { name: '登录并设为可接听' }).click();
  await page.getByText('可接听：等待来电').waitFor();
}

export interface InboundVideo {
  frameWidth: number;
  frameHeight: number;
  framesPerSecond: number;
  framesDecoded: number;
}

/** The best inbound video of the page's peer connections (getStats), read in the page. */
export function inboundVideo(page: Page, getter: 'kiosk' | 'agent'): Promise<InboundVideo | null> {
  return page.evaluate(async (which) => {
    const w = window as unknown as {
      __videoDebug?: { connections(): RTCPeerConnection[] };
      __agentCall?: () => RTCPeerConnection[];
    };
    const pcs = which === 'kiosk' ? (w.__videoDebug?.connections() ?? []) : (w.__agentCall?.() ?? []);
    let best: InboundVideo | null = null;
    for (const pc of pcs) {
      const stats = await pc.getStats();
      stats.forEach((report: Record<string, unknown>) => {
        if (report.type !== 'inbound-rtp' || report.kind !== 'video') return;
        const found = {
          frameWidth: Number(report.frameWidth ?? 0),
          frameHeight: Number(report.frameHeight ?? 0),
          framesPerSecond: Number(report.framesPerSecond ?? 0),
          framesDecoded: Number(report.framesDecoded ?? 0),
        };
        if (!best || found.framesDecoded > best.framesDecoded) best = found;
      });
    }
    return best;
  }, getter);
}

/** The inbound video of each of the page's peer connections (one per other party of the call). */
export function inboundByConnection(page: Page, getter: 'kiosk' | 'agent'): Promise<InboundVideo[]> {
  return page.evaluate(async (which) => {
    const w = window as unknown as {
      __videoDebug?: { connections(): RTCPeerConnection[] };
      __agentCall?: () => RTCPeerConnection[];
    };
    const pcs = which === 'kiosk' ? (w.__videoDebug?.connections() ?? []) : (w.__agentCall?.() ?? []);
    const result: InboundVideo[] = [];
    for (const pc of pcs) {
      let found: InboundVideo = { frameWidth: 0, frameHeight: 0, framesPerSecond: 0, framesDecoded: 0 };
      (await pc.getStats()).forEach((report: Record<string, unknown>) => {
        if (report.type !== 'inbound-rtp' || report.kind !== 'video') return;
        found = {
          frameWidth: Number(report.frameWidth ?? 0),
          frameHeight: Number(report.frameHeight ?? 0),
          framesPerSecond: Number(report.framesPerSecond ?? 0),
          framesDecoded: Number(report.framesDecoded ?? 0),
        };
      });
      result.push(found);
    }
    return result;
  }, getter);
}
