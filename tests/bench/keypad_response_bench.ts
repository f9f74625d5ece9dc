/**
 * Kit response times in Chromium through the dev host: keypad arrow → next control focused and its speech
 * requested; tile pressed → new screen announced. Measured inside the page (Date.now at the key/pointer event
 * vs the speech log entry), so it excludes the DevTools round trip. The engine's audio latency is
 * speech_bench's.
 */

import { buildWeb } from '../../scripts/build_web';
import { openKiosk } from '../e2e/a11y/kiosk_page';
import { launchChromium } from '../e2e/support/browser';
import { startDevHost } from '../e2e/support/dev_host';
import { percentile, report } from './bench_report';

const ROUNDS = 200;

async function main() {
  await buildWeb({ onlyIfStale: true });
  const host = await startDevHost();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await openKiosk(page, host);
    await page.evaluate(() => {
      window.__kioskDebug!.store.setSpeech(true);
      const marks: number[] = [];
      (window as unknown as { __marks: number[] }).__marks = marks;
      document.addEventListener('keydown', () => marks.push(Date.now()), true);
      document.addEventListener('pointerup', () => marks.push(Date.now()), true);
    });
    const lastGap = () =>
      page.evaluate(() => {
        const marks = (window as unknown as { __marks: number[] }).__marks;
        const log = window.__kioskDebug!.speechLog();
        return log.at(-1)!.at - marks.at(-1)!;
      });

    const arrow: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await page.keyboard.press('ArrowDown');
      arrow.push(await lastGap());
    }
    report({
      bench: 'keypad_response',
      metric: 'arrow_to_speech_p50',
      value: percentile(arrow, 50),
      unit: 'ms',
      samples: ROUNDS,
    });
    report({
      bench: 'keypad_response',
      metric: 'arrow_to_speech_p95',
      value: percentile(arrow, 95),
      unit: 'ms',
      target: '< 50 (leaves the 150 ms budget of row 16 to the engine)',
      samples: ROUNDS,
    });

    const screenChange: number[] = [];
    for (let i = 0; i < 30; i++) {
      await page.getByRole('button', { name: '帮助', exact: true }).click();
      await page.getByRole('heading', { name: '使用帮助' }).waitFor();
      screenChange.push(
        await page.evaluate(() => {
          const pressedAt = (window as unknown as { __marks: number[] }).__marks.at(-1)!;
          const log = window.__kioskDebug!.speechLog();
          return log.find((entry) => entry.text === '使用帮助' && entry.at >= pressedAt)!.at - pressedAt;
        }),
      );
      await page.getByRole('button', { name: '回到首页' }).click();
      await page.getByRole('heading', { name: '请选择服务' }).waitFor();
    }
    report({
      bench: 'keypad_response',
      metric: 'press_to_screen_announced_p50',
      value: percentile(screenChange, 50),
      unit: 'ms',
      samples: 30,
    });
    report({
      bench: 'keypad_response',
      metric: 'press_to_screen_announced_p95',
      value: percentile(screenChange, 95),
      unit: 'ms',
      target: '< 150 (row 16 budget; includes rendering the new screen)',
      samples: 30,
    });
  } finally {
    await browser.close();
    await host.stop();
  }
}

main().catch((error) => {
  process.stderr.write(
    `keypad_response_bench failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
