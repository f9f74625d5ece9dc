import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubServer, listenHub, type RunningHub } from '../../../hub/hub_server';
import { prepareItem } from '../../../hub/publish';
import type { HubStore } from '../../../hub/storage/hub_store';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { issueToken } from '../../../hub/tokens';
import { createLogger } from '../../../node_shared/logger';
import { dutyRoster, lawyerList } from '../../fixtures/published/lawyers_and_roster';
import { openKiosk, writeTestConfig } from '../a11y/kiosk_page';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';

/** The terminal's centre in `assets/config.sample.json`. */
const CENTRE = 'baotou-city-centre';

let hubDir: string;
let store: HubStore;
let hub: RunningHub;
let configPath: string;
let dataDir: string;
let host: RunningDevHost | null = null;
let browser: BrowserContext;

/** What `hub:publish` does with a file (the CLI itself is tested in tests/integration/hub/publish_data). */
async function publish(kind: 'lawyers' | 'duty_roster', json: unknown): Promise<void> {
  const item = prepareItem({ kind, body: Buffer.from(JSON.stringify(json)) });
  if (!item.ok) throw new Error(item.error);
  expect(await store.publish({ ...item.value, publishedAt: new Date().toISOString() })).toBe('published');
}

/** A kiosk start: it probes the hub, downloads what changed and verifies it before anything is shown. */
async function restartKiosk(): Promise<void> {
  await host?.stop();
  host = await startDevHost({ configPath, dataDir, trustedHubs: [hub.url] });
}

async function rpc(method: string, args: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${host!.origin}/rpc`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host!.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ method, args }),
  });
  const body = (await response.json()) as { ok: boolean; value?: Record<string, unknown> };
  if (!body.ok) throw new Error(`${method} failed`);
  return body.value!;
}

/** The call screen, waiting until the link to the hub is open and presence has arrived. */
async function callScreen(): Promise<Page> {
  const page = await browser.newPage();
  await openKiosk(page, host!);
  await page.evaluate(() => window.__kioskDebug!.store.navigate({ name: 'video_call' }));
  await page.getByText('人民调解员', { exact: true }).waitFor();
  return page;
}

/** The legal-aid application's lawyer step, on a fresh draft. */
async function lawyerStep(): Promise<Page> {
  const started = (await rpc('forms.start_draft', { templateId: 'legal_aid_application' })) as {
    draft: { draftId: string };
  };
  const page = await browser.newPage();
  await openKiosk(page, host!);
  await page.evaluate(
    (draftId) =>
      window.__kioskDebug!.store.navigate({ name: 'form_step', draftId, stepId: 'preferred_lawyer' }),
    started.draft.draftId,
  );
  await page.getByRole('heading', { name: /您想选择哪位律师来办理/ }).waitFor();
  return page;
}

/** The text of each duty line: the kind's name and when, as the visitor reads it. */
async function dutyLines(page: Page): Promise<string[]> {
  return page.locator('.video-kinds__item').allInnerTexts();
}

beforeAll(async () => {
  hubDir = fs.mkdtempSync(path.join(os.tmpdir(), 'published-e2e-hub-'));
  store = openSqliteHubStore(hubDir);
  hub = await listenHub(createHubServer({ store, dataDir: hubDir, logger: createLogger(() => {}) }), 0);
  const terminal = await issueToken(
    store,
    { role: 'terminal', terminalId: 'sample-kiosk-01', centre: CENTRE },
    new Date(),
  );
  configPath = writeTestConfig({ hubUrl: hub.url, hubToken: terminal.token });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'published-e2e-kiosk-'));
  await restartKiosk();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await hub?.close();
  await store?.close();
});

describe('lawyers and duty rosters the centre publishes, seen on the kiosk', () => {
  it('with nothing published: the centre assigns a lawyer, no name is offered, the call screen shows no times', async () => {
    const step = await lawyerStep();
    await step.getByText('本中心还没有公布律师名单，将由中心为您指派律师。').waitFor();
    expect(await step.getByRole('radio').allInnerTexts()).toEqual(['不指定，由法律援助机构指派']);
    expect(await step.getByText(/示例律师|执业\d+年/).count()).toBe(0);
    expect(await runAxe(step)).toEqual([]);
    await step.close();

    const calls = await callScreen();
    const lines = await dutyLines(calls);
    for (const kind of ['人民调解员', '司法鉴定人', '仲裁员', '值班律师', '公证员'])
      expect(lines.some((line) => line.includes(kind))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/\d\d:\d\d/);
    await calls.close();
  });

  it('publishes a lawyer list and a roster on the hub: the kiosk offers those lawyers and its centre’s times', async () => {
    await publish('lawyers', lawyerList());
    await publish('duty_roster', dutyRoster(CENTRE));
    await restartKiosk();

    const step = await lawyerStep();
    expect(await step.getByRole('radio').allInnerTexts()).toEqual([
      '不指定，由法律援助机构指派',
      '王芳（包头测试律师事务所，执业8年）',
      '巴特尔（昆都仑测试律师事务所，执业12年）',
    ]);
    // A lawyer who takes no legal-aid cases is not offered; real data carries no sample label.
    expect(await step.getByText('李强').count()).toBe(0);
    expect(await step.getByText('示例数据').count()).toBe(0);
    expect(await runAxe(step)).toEqual([]);
    await step.close();

    const calls = await callScreen();
    const lines = await dutyLines(calls);
    expect(lines.find((line) => line.includes('人民调解员'))).toMatch(/下次值班：明天 00:00/);
    // The arbitrator serves another centre: not shown here.
    expect(lines.find((line) => line.includes('仲裁员'))).toContain('近两周没有安排值班');
    expect(lines.find((line) => line.includes('公证员'))).toMatch(/下次值班：.* 09:00/);
    expect(lines.join('\n')).not.toContain('示例数据');
    expect(await runAxe(calls)).toEqual([]);
    await calls.close();
  });

  it('demo data published as sample is labelled 示例数据 beside every name and every time', async () => {
    await publish('lawyers', lawyerList({ version: 'demo-1', sample: true }));
    await publish('duty_roster', dutyRoster(CENTRE, { version: 'demo-1', sample: true }));
    await restartKiosk();

    const step = await lawyerStep();
    const names = (await step.getByRole('radio').allInnerTexts()).slice(1);
    expect(names).toHaveLength(2);
    for (const name of names) expect(name).toContain('示例数据');
    await step.close();

    const calls = await callScreen();
    for (const line of await dutyLines(calls))
      if (/\d\d:\d\d/.test(line)) expect(line).toContain('（示例数据）');
    await calls.getByText('以上值班时间是示例数据，不是真实排班。').waitFor();
    await calls.close();
  });
});
