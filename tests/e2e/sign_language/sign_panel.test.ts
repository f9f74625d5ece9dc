import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignClipInfo } from '../../../common/contract/sign_methods';
import { createHubServer, listenHub, type RunningHub } from '../../../hub/hub_server';
import type { HubStore } from '../../../hub/storage/hub_store';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { createLogger } from '../../../node_shared/logger';
import { runTool, writeRecordings } from '../../fixtures/sign_language/test_clips';
import { token } from '../../integration/staff/desk_support';
import { navigate, openKiosk, SIZES, setSettings, sweepBoxes, THEMES } from '../a11y/kiosk_page';
import { keypadFocus, keypadPress } from '../forms/keypad';
import { runAxe } from '../support/axe';
import { launchChromium } from '../support/browser';
import { PROJECT_ROOT, type RunningDevHost, startDevHost } from '../support/dev_host';

const FORM = 'template:legal_aid_application@1.3.0';
const KEYS = {
  home: 'catalog:common:home.heading',
  fullName: `${FORM}:full_name.prompt`,
  sex: `${FORM}:sex.prompt`,
  male: `${FORM}:sex.option.male`,
};

let workDir: string;
let hub: RunningHub;
let store: HubStore;
let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;
let clips: Map<string, SignClipInfo>;

async function rpc<T>(method: string, args: unknown): Promise<T> {
  const response = await fetch(`${host.origin}/rpc`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ method, args }),
  });
  const body = (await response.json()) as { ok: boolean; value: T };
  if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body)}`);
  return body.value;
}

async function lookup(): Promise<Map<string, SignClipInfo>> {
  const found = await rpc<{ clips: { key: string; clip: SignClipInfo }[] }>('sign.lookup', {
    keys: Object.values(KEYS),
    language: 'zh-CN',
  });
  return new Map(found.clips.map((entry) => [entry.key, entry.clip]));
}

/** The panel's video: which clip, where it is, how fast, and whether it plays. */
function video() {
  return page.evaluate(() => {
    const element = document.querySelector<HTMLVideoElement>('#sign-panel video');
    if (!element) return null;
    return {
      src: element.getAttribute('src'),
      time: element.currentTime,
      paused: element.paused,
      rate: element.playbackRate,
      muted: element.muted,
    };
  });
}

async function advancing(from = 0.3): Promise<void> {
  await page.waitForFunction(
    (after) => {
      const element = document.querySelector<HTMLVideoElement>('#sign-panel video');
      return !!element && !element.paused && element.currentTime > after;
    },
    from,
    { timeout: 15_000 },
  );
}

const caption = () => page.locator('.sign-panel__caption');
const polite = () => page.getByTestId('live-polite').textContent();
const button = (name: string) => page.getByRole('button', { name, exact: true });

async function openStep(stepId: string): Promise<void> {
  const started = await rpc<{ draft: { draftId: string } }>('forms.start_draft', {
    templateId: 'legal_aid_application',
  });
  await navigate(page, { name: 'form_step', draftId: started.draft.draftId, stepId });
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sign-e2e-'));
  const recordings = writeRecordings(
    path.join(workDir, 'recordings'),
    {
      id: 'csl-e2e',
      version: '2026.1',
      signLanguage: 'csl',
      clips: [
        { file: 'home.webm', keys: [KEYS.home] },
        { file: 'full_name.webm', keys: [KEYS.fullName] },
        { file: 'sex.webm', keys: [KEYS.sex], review: 'reviewed' },
        { file: 'male.webm', keys: [KEYS.male] },
      ],
    },
    {
      'home.webm': { seconds: 6, caption: '请选择服务' },
      'full_name.webm': { seconds: 6, caption: '您的姓名' },
      'sex.webm': { seconds: 3, caption: '性别', codec: 'av1' },
      'male.webm': { seconds: 3, caption: '男' },
    },
  );
  const packFile = path.join(workDir, 'csl-e2e.sign-pack.tar');
  const built = runTool('scripts/sign_pack_cli.ts', [recordings, '--out', packFile]);
  if (built.status !== 0) throw new Error(built.output);
  const hubDir = path.join(workDir, 'hub');
  fs.mkdirSync(hubDir);
  const published = runTool('hub/publish_cli.ts', ['--data', hubDir, '--kind', 'sign_pack', packFile]);
  if (published.status !== 0) throw new Error(published.output);
  store = openSqliteHubStore(hubDir);
  hub = await listenHub(createHubServer({ store, dataDir: hubDir, logger: createLogger(() => {}) }), 0);
  const sample = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'assets/config.sample.json'), 'utf8'));
  const configPath = path.join(workDir, 'kiosk.json');
  fs.writeFileSync(
    configPath,
    JSON.stringify({
      ...sample,
      hubUrl: hub.url,
      hubToken: await token(store, 'terminal', 'centre-a', sample.terminalId),
    }),
  );
  host = await startDevHost({ configPath, trustedHubs: [hub.url] });
  // The kiosk polls the hub's manifest when it first reaches the hub.
  const deadline = Date.now() + 30_000;
  clips = await lookup();
  while (clips.size < 4) {
    if (Date.now() > deadline) throw new Error(`the kiosk did not install the pack:\n${host.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    clips = await lookup();
  }
  browser = await launchChromium();
  page = await browser.newPage();
  await openKiosk(page, host);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await hub?.close();
  await store?.close();
});

describe('sign-language clips on the kiosk (real hub, dev host, Chromium)', () => {
  it('downloads the published pack: clips with captions, signing language and review state, served by range', async () => {
    const home = clips.get(KEYS.home)!;
    expect(home).toMatchObject({ signLanguage: 'csl', review: 'unreviewed', captionLanguage: 'zh-CN' });
    expect(home.captions).toEqual([{ startMs: 0, endMs: 6000, text: '请选择服务' }]);
    expect(clips.get(KEYS.sex)!.review).toBe('reviewed');
    const response = await fetch(`${host.origin}/sign-clips/${home.sha256}.webm`, {
      headers: { range: 'bytes=0-99' },
    });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-type')).toBe('video/webm');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await response.arrayBuffer()).byteLength).toBe(100);
    expect((await fetch(`${host.origin}/sign-clips/${'0'.repeat(64)}.webm`)).status).toBe(404);
  });

  it('home: "手语" in the bar and on the screen; the keypad opens the clip beside the content, playing with captions', async () => {
    await navigate(page, { name: 'home' });
    await button('看这一页的手语').waitFor();
    await keypadPress(page, button('手语'));
    await advancing();
    const shown = (await video())!;
    expect(shown.src).toBe(`/sign-clips/${clips.get(KEYS.home)!.sha256}.webm`);
    expect(shown.muted).toBe(true);
    await expect.poll(() => caption().textContent()).toBe('请选择服务');
    // Focus moved into the panel, on the control that pauses the clip.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('暂停');
    const heading = (await page.locator('#screen-heading').boundingBox())!;
    const panel = (await page.locator('#sign-panel').boundingBox())!;
    const tiles = (await page.locator('.tile-grid').boundingBox())!;
    for (const content of [heading, tiles]) {
      const apart =
        panel.x >= content.x + content.width ||
        content.x >= panel.x + panel.width ||
        panel.y >= content.y + content.height ||
        content.y >= panel.y + panel.height;
      expect(apart, 'the panel never covers the screen').toBe(true);
    }
    expect(panel.width).toBeGreaterThan(600);
  });

  it('keypad controls: pause, play, replay, 0.5×, 0.75×, captions off and on — each announced', async () => {
    await keypadPress(page, button('暂停'));
    await expect.poll(async () => (await video())!.paused).toBe(true);
    expect(await polite()).toBe('手语视频已暂停');
    const pausedAt = (await video())!.time;
    await page.waitForTimeout(400);
    expect((await video())!.time).toBe(pausedAt);

    await keypadPress(page, button('播放'));
    await advancing(pausedAt + 0.2);
    expect(await polite()).toBe('正在播放手语视频');

    await keypadPress(page, button('慢速 0.5 倍'));
    await expect.poll(async () => (await video())!.rate).toBe(0.5);
    expect(await polite()).toBe('播放速度：慢速 0.5 倍');
    expect(await button('慢速 0.5 倍').getAttribute('aria-pressed')).toBe('true');
    await keypadPress(page, button('慢速 0.75 倍'));
    await expect.poll(async () => (await video())!.rate).toBe(0.75);

    await page.waitForFunction(
      () => document.querySelector<HTMLVideoElement>('#sign-panel video')!.currentTime > 1,
    );
    await keypadPress(page, button('从头再放'));
    await expect.poll(async () => (await video())!.time).toBeLessThan(1);
    await advancing(0.1);
    expect(await polite()).toBe('手语视频从头播放');
    // The slower speed holds for the replay.
    expect((await video())!.rate).toBe(0.75);

    await keypadPress(page, button('字幕'));
    await expect.poll(() => caption().count()).toBe(0);
    expect(await polite()).toBe('字幕已关闭');
    await keypadPress(page, button('字幕'));
    await expect.poll(() => caption().textContent()).toBe('请选择服务');
    expect(await polite()).toBe('字幕已打开');

    await keypadPress(page, button('关闭手语'));
    await expect.poll(() => page.locator('#sign-panel').isVisible()).toBe(false);
    // Focus returns to the control that opened the panel.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('手语');
  });

  it('a form step plays its question, and an option its own clip while it has focus', async () => {
    await openStep('full_name');
    await keypadPress(page, button('看这一页的手语'));
    await advancing();
    expect((await video())!.src).toBe(`/sign-clips/${clips.get(KEYS.fullName)!.sha256}.webm`);
    await expect.poll(() => caption().textContent()).toBe('请输入您的姓名。');
    expect(await page.getByText('这段手语还没有经过聋人审核。').count()).toBe(1);

    await openStep('sex');
    expect(await page.locator('#sign-panel').isVisible()).toBe(false);
    await keypadPress(page, button('看这一页的手语'));
    await advancing(0.1);
    expect((await video())!.src).toBe(`/sign-clips/${clips.get(KEYS.sex)!.sha256}.webm`);
    expect(await page.getByText('这段手语还没有经过聋人审核。').count()).toBe(0);
    await keypadFocus(page, page.getByRole('radio', { name: '男' }));
    await expect
      .poll(async () => (await video())!.src)
      .toBe(`/sign-clips/${clips.get(KEYS.male)!.sha256}.webm`);
    await advancing(0.1);
    await expect.poll(() => caption().textContent()).toBe('男');
  });

  it('axe finds nothing with the panel open: every theme × text size, and in Mongolian', async () => {
    await openStep('sex');
    await button('手语').click();
    await advancing(0.1);
    const failures: string[] = [];
    for (const theme of THEMES) {
      for (const textSize of SIZES) {
        await setSettings(page, { theme, textSize, language: 'zh-CN' });
        for (const v of await runAxe(page))
          failures.push(`${theme} ${textSize}: ${v.id} ${v.targets.join(', ')}`);
        for (const p of await sweepBoxes(page)) failures.push(`${theme} ${textSize}: ${p.what} ${p.problem}`);
      }
    }
    await setSettings(page, { theme: 'default', textSize: 'XL', language: 'mn-Mong-CN' });
    for (const v of await runAxe(page)) failures.push(`mn XL: ${v.id} ${v.targets.join(', ')}`);
    await setSettings(page, { textSize: 'M', language: 'zh-CN' });
    expect(failures).toEqual([]);
  });

  it('sign language first: each screen opens and plays its clip; one without says so and offers the video call; session end resets it', async () => {
    await navigate(page, { name: 'home' });
    await button('手语').click();
    await keypadPress(page, button('每一页先放手语'));
    expect(await polite()).toBe('以后每一页都会先放手语');
    await openStep('full_name');
    await advancing(0.1);
    expect((await video())!.src).toBe(`/sign-clips/${clips.get(KEYS.fullName)!.sha256}.webm`);
    // Focus stays with the screen: the question, as on any new screen.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('screen-heading');

    await navigate(page, { name: 'help' });
    await page.getByText('这一页还没有手语视频。').waitFor();
    expect(await button('看这一页的手语').count()).toBe(0);
    await keypadPress(page, button('视频连线手语翻译'));
    await expect
      .poll(() => page.evaluate(() => window.__kioskDebug!.store.getState().screen.name))
      .toBe('video_call');

    await page.evaluate(() => window.__kioskDebug!.store.endSession());
    await page.locator('#screen-heading').waitFor();
    expect(await page.evaluate(() => window.__kioskDebug!.store.getState().settings.signFirst)).toBe(false);
    await openStep('full_name');
    await page.waitForTimeout(500);
    expect(await page.locator('#sign-panel').isVisible()).toBe(false);
  });
});
