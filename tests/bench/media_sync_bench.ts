/**
 * End-to-end media delay and audio/video sync of a call on loopback (ACCESSIBILITY.md row 26: delay < 400 ms
 * preferred, audio and video ≤ 100 ms apart). Both sides send a synthetic stream instead of the camera: the
 * picture flashes white and a 1 kHz tone beeps at the same instants, once a second, from one timer
 * (`media_sync/synthetic_media.js`). The other side detects the flash on the displayed frame and the beep in
 * the received audio (`media_sync/flash_beep_probe.js`). Both Chromiums run on one machine, so sender and
 * receiver times are on the same clock (performance.timeOrigin + now). Real hub, dev host, WebRTC. Each side also
 * watches its own stream locally (no call) to show what the measuring path itself adds.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/browser';
import { agentSignsIn, FAKE_MEDIA, openCallScreen, startVideoWorld } from '../e2e/video/video_fixture';
import { percentile, report } from './bench_report';

const SECONDS = 30;
const SCRIPTS = path.join(import.meta.dirname, 'media_sync');
const synthetic = fs.readFileSync(path.join(SCRIPTS, 'synthetic_media.js'), 'utf8');
const probe = fs.readFileSync(path.join(SCRIPTS, 'flash_beep_probe.js'), 'utf8');
// Pages in one headless browser must not throttle each other's timers while measuring.
const NO_THROTTLING = [
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

interface Direction {
  name: string;
  sender: Page;
  receiver: Page;
  selector: string;
}

interface Onsets {
  flashes: number[];
  beeps: number[];
}

async function installProbe(page: Page, selector: string): Promise<void> {
  await page.evaluate(probe);
  const deadline = Date.now() + 15_000;
  const install = (sel: string) =>
    (window as never as { __installFlashBeepProbe(s: string): boolean }).__installFlashBeepProbe(sel);
  while (!(await page.evaluate(install, selector))) {
    if (Date.now() > deadline) throw new Error(`no video at ${selector}`);
    await page.waitForTimeout(100);
  }
}

const onsetsAt = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const found = (window as never as { __flashBeepProbe: Record<string, Onsets> }).__flashBeepProbe[sel]!;
    return { flashes: [...found.flashes], beeps: [...found.beeps] };
  }, selector);

/** The first onset at or after `from` and before the next flash is due. */
const firstIn = (onsets: number[], from: number) => onsets.find((t) => t >= from && t < from + 900);

/** Per flash sent: video delay, audio delay and skew (beep seen − flash seen), or null where one was missed. */
function pair(sent: number[], seen: Onsets) {
  return sent.map((at) => {
    const flash = firstIn(seen.flashes, at);
    const beep = firstIn(seen.beeps, at);
    return {
      video: flash === undefined ? null : flash - at,
      audio: beep === undefined ? null : beep - at,
      skew: flash === undefined || beep === undefined ? null : beep - flash,
    };
  });
}

const present = (values: (number | null)[]) => values.filter((v): v is number => v !== null);

async function measure({ name, sender, receiver, selector }: Direction): Promise<void> {
  const sent = await sender.evaluate(() => [
    ...(window as never as { __syntheticMedia: { sent: number[] } }).__syntheticMedia.sent,
  ]);
  const call = pair(sent, await onsetsAt(receiver, selector));
  // The same flashes seen on the sender's own screen, without the call: what the measuring path adds.
  const local = pair(sent, await onsetsAt(sender, '#sync-monitor'));
  const line = (metric: string, values: number[], p: number, target?: string) =>
    report({
      bench: 'media_sync',
      metric: `${name}_${metric}_p${p}`,
      value: percentile(values, p),
      unit: 'ms',
      samples: values.length,
      ...(target ? { target } : {}),
    });
  const video = present(call.map((c) => c.video));
  const audio = present(call.map((c) => c.audio));
  const skew = present(call.map((c) => c.skew));
  line('video_delay', video, 50);
  line('video_delay', video, 95, '< 400');
  line('audio_delay', audio, 50);
  line('audio_delay', audio, 95, '< 400');
  // Signed: positive means the sound comes after the picture.
  line('av_skew', skew, 50);
  line('av_skew_abs', skew.map(Math.abs), 95, '<= 100');
  // The call's own share: each flash's skew minus the skew of the same flash shown locally.
  const net = present(
    call.map((c, i) => (c.skew === null || local[i]?.skew == null ? null : c.skew - local[i]!.skew!)),
  );
  line('local_av_skew', present(local.map((c) => c.skew)), 50);
  line('local_av_skew_abs', present(local.map((c) => c.skew)).map(Math.abs), 95);
  line('av_skew_net', net, 50);
  line('av_skew_net_abs', net.map(Math.abs), 95, '<= 100');
  line('local_video_delay', present(local.map((c) => c.video)), 50);
  for (const [metric, found] of [
    ['flashes_missed', video],
    ['beeps_missed', audio],
  ] as const)
    report({
      bench: 'media_sync',
      metric: `${name}_${metric}`,
      value: sent.length - found.length,
      unit: 'count',
      samples: sent.length,
    });
}

async function main() {
  const world = await startVideoWorld(NO_THROTTLING);
  const stops: (() => Promise<void>)[] = [];
  try {
    // The agent in a browser of its own: a background tab of the kiosk's browser would not render, and
    // requestVideoFrameCallback needs a rendering page on both sides.
    const agentBrowser = await launchChromium([...FAKE_MEDIA, ...NO_THROTTLING]);
    stops.push(() => agentBrowser.close());
    const agent = await agentBrowser.newPage();
    await agentSignsIn(agent, world.hub.url, await world.agentToken('Bench'));
    await agent.evaluate(synthetic);
    await agent.evaluate(() => {
      const ring = document.getElementById('ring')!;
      new MutationObserver(() => {
        if (!ring.hidden) document.getElementById('answer')!.click();
      }).observe(ring, { attributes: true });
    });
    const kiosk = await world.browser.newPage();
    await openCallScreen(kiosk, world.host);
    await kiosk.evaluate(synthetic);
    await kiosk.getByRole('button', { name: '呼叫手语翻译' }).click();
    await kiosk.getByText('已接通 Bench').first().waitFor();
    await installProbe(kiosk, '.video-call__remote');
    await installProbe(agent, '#videos video');
    await installProbe(kiosk, '#sync-monitor');
    await installProbe(agent, '#sync-monitor');
    // Let the jitter buffers settle before the first flash.
    await kiosk.waitForTimeout(2_000);
    await Promise.all(
      [agent, kiosk].map((page) =>
        page.evaluate(() =>
          (window as never as { __syntheticMedia: { start(): void } }).__syntheticMedia.start(),
        ),
      ),
    );
    await kiosk.waitForTimeout(SECONDS * 1000);
    await Promise.all(
      [agent, kiosk].map((page) =>
        page.evaluate(() =>
          (window as never as { __syntheticMedia: { stop(): void } }).__syntheticMedia.stop(),
        ),
      ),
    );
    await kiosk.waitForTimeout(1_000);
    await measure({
      name: 'agent_to_kiosk',
      sender: agent,
      receiver: kiosk,
      selector: '.video-call__remote',
    });
    await measure({ name: 'kiosk_to_agent', sender: kiosk, receiver: agent, selector: '#videos video' });
  } finally {
    for (const stop of stops) await stop();
    await world.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`media_sync_bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
