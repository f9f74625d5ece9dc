import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpeechLogEntry } from '../../../renderer/speech/speech_log';
import { openKiosk } from '../a11y/kiosk_page';
import { APPLICANT } from '../forms/form_data';
import { keypadApplyForSelf, keypadKeys, keypadPress } from '../forms/keypad';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';

/**
 * Issue 18 item 1: with speech on, every key press asks the core for audio. Superseded requests must not pile
 * up (they used to fill Chromium's six connections per host, so the answer's save waited behind them) and
 * the next question must be spoken within a second of "Next".
 */
let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  host = await startDevHost();
  browser = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const heading = (text: string | RegExp) => page.locator('#screen-heading', { hasText: text }).waitFor();
const button = (name: string) => page.getByRole('button', { name, exact: true });
const played = (): Promise<SpeechLogEntry[]> => page.evaluate(() => window.__kioskDebug!.engineLog());

/** Counts the speech requests on the wire at once, as the browser sees them. */
function watchSpeechRequests() {
  const open = new Set<Request>();
  const stats = { max: 0, total: 0 };
  const isSpeech = (request: Request) =>
    request.url().endsWith('/rpc') && (request.postData() ?? '').includes('"speech.render"');
  page.on('request', (request) => {
    if (!isSpeech(request)) return;
    open.add(request);
    stats.total++;
    stats.max = Math.max(stats.max, open.size);
  });
  const done = (request: Request) => open.delete(request);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return stats;
}

describe('speech never holds up a visitor’s action', () => {
  it('number pad + Next with speech on: at most two speech requests in flight, the next question spoken within 1 s', async () => {
    await openKiosk(page, host);
    await page.keyboard.press('F3');
    await keypadPress(page, page.getByRole('button', { name: /申请法律援助/ }));
    await heading('法律援助申请');
    await keypadPress(page, button('开始填写'));
    await keypadApplyForSelf(page);
    await heading(/姓名/);
    await page.getByRole('textbox', { name: '姓名' }).fill(APPLICANT.name);
    await keypadPress(page, button('下一步'));
    await heading(/性别/);
    await keypadPress(page, page.getByRole('radio', { name: '男' }));
    await keypadPress(page, button('下一步'));
    await heading(/出生日期/);

    const stats = watchSpeechRequests();
    await keypadKeys(page, [...APPLICANT.birthDigits]);
    await page.getByRole('button', { name: '下一步', exact: true }).focus();
    // Where the save waits, if it does: in the browser (queued for a connection) or in the core.
    const saveTimings: ReturnType<Request['timing']>[] = [];
    page.on('requestfinished', (request) => {
      if ((request.postData() ?? '').includes('"forms.save_answer"')) saveTimings.push(request.timing());
    });
    const pressedAt = await page.evaluate(() => Date.now());
    await page.keyboard.press('Enter');
    await heading(/民族/);
    await page.waitForFunction(
      (since) =>
        window
          .__kioskDebug!.engineLog()
          .some((e) => e.at >= since && e.outcome === 'played' && /民族/.test(e.text)),
      pressedAt,
      { timeout: 10_000 },
    );
    const spoken = (await played()).find((e) => e.at >= pressedAt && /民族/.test(e.text))!;
    const latency = spoken.at - pressedAt;
    const save = saveTimings[0]!;
    console.log(
      JSON.stringify({
        speechRequests: stats.total,
        maxInFlight: stats.max,
        saveQueuedInBrowserMs: save.requestStart,
        saveFirstByteMs: save.responseStart - save.requestStart,
        nextSpokenMs: latency,
      }),
    );
    expect(stats.total).toBeGreaterThan(8);
    expect(stats.max).toBeLessThanOrEqual(2);
    expect(latency).toBeLessThan(1000);
  });
});
