import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mn from '../../../assets/locales/mn-Mong-CN/technician.json';
import { hashPin } from '../../../core/pins/pin_hash';
import { navigate, openKiosk, PORTRAIT, setSettings } from '../a11y/kiosk_page';
import { launchChromium } from '../support/browser';
import { PROJECT_ROOT, type RunningDevHost, startDevHost } from '../support/dev_host';
import { checkMongolianScreen } from './mongolian_checks';

const PIN = '480215';
let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;
let hub: http.Server;

beforeAll(async () => {
  // A stand-in hub health endpoint, so the hub check has a result line to lay out.
  hub = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        service: 'baotou-kiosk-hub',
        hubId: 'hub-e2e',
        protocol: 1,
        time: new Date().toISOString(),
      }),
    );
  });
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  const configPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mn-technician-e2e-')), 'kiosk.json');
  const sample = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'assets/config.sample.json'), 'utf8'));
  fs.writeFileSync(
    configPath,
    JSON.stringify({
      ...sample,
      hubUrl: `http://127.0.0.1:${(hub.address() as AddressInfo).port}`,
      technicianPinHash: hashPin(PIN),
    }),
  );
  host = await startDevHost({
    configPath,
    env: { KIOSK_FAKE_DEVICES: '1' },
    trustedHubs: [`http://127.0.0.1:${(hub.address() as AddressInfo).port}`],
  });
  browser = await launchChromium(
    ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    PORTRAIT,
  );
  page = await browser.newPage();
  await openKiosk(page, host);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  hub?.close();
});

describe('technician mode in Mongolian (XL, portrait)', () => {
  it('PIN gate, diagnostics with results, configuration, logs and restart: vertical, whole, axe clean', async () => {
    const failures: string[] = [];
    await navigate(page, { name: 'technician' });
    await setSettings(page, { language: 'mn-Mong-CN', textSize: 'XL' });
    await checkMongolianScreen(page, 'PIN gate', failures);

    await page.getByLabel(mn.pin.label).fill(PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: mn.diagnostics.heading }).waitFor();
    // Results in: the hub answered and the printers were listed (camera and microphone keep running).
    await page.locator('.technician-check', { hasText: 'hub-e2e' }).waitFor();
    await page
      .getByRole('button', { name: mn.printers.test.split('{{')[0] })
      .first()
      .waitFor();
    await checkMongolianScreen(page, 'diagnostics', failures);

    await page.getByRole('button', { name: mn.panels.config }).click();
    await page.getByRole('heading', { name: mn.config.heading }).waitFor();
    await checkMongolianScreen(page, 'configuration', failures);

    await page.getByRole('button', { name: mn.panels.maintenance }).click();
    await page.getByLabel(mn.export.folder).fill('relative/folder');
    await page.getByRole('button', { name: mn.export.button }).click();
    await page.getByText(mn.export.not_absolute).first().waitFor();
    await checkMongolianScreen(page, 'logs and restart', failures);
    expect(failures).toEqual([]);
  });
});
