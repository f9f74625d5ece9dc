/**
 * The screenshot gallery (run by `npm run gallery` through scripts/gallery.ts): PNG screenshots of every screen × theme × text size (Chinese), and every screen in English
 * and Mongolian at sizes M and XL, plus elder mode — through the real dev host and Debian's Chromium, into
 * `gallery/` (git-ignored) with an `index.html` to browse them. `--skip-build` reuses dist/renderer.
 */

import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildWeb } from '../../../scripts/build_web';
import { shootMongolianForm } from '../mongolian/mongolian_gallery';
import { launchChromium } from '../support/browser';
import { PROJECT_ROOT, startDevHost } from '../support/dev_host';
import {
  discoverScreens,
  LANDSCAPE,
  navigate,
  openKiosk,
  PORTRAIT,
  SIZES,
  setSettings,
  THEMES,
} from './kiosk_page';

const OUT = path.join(PROJECT_ROOT, 'gallery');

async function shoot(page: Page, file: string, shots: string[]): Promise<void> {
  const target = path.join(OUT, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Let the caret blink and transitions settle out of the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: target, fullPage: true });
  shots.push(file);
}

function writeIndex(shots: string[]): void {
  const items = shots
    .map(
      (file) =>
        `<figure><img src="${file}" loading="lazy" width="480" alt=""><figcaption>${file}</figcaption></figure>`,
    )
    .join('\n');
  fs.writeFileSync(
    path.join(OUT, 'index.html'),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Kiosk screen gallery</title>
<style>body{font-family:sans-serif}figure{display:inline-block;margin:8px;vertical-align:top}</style>
<h1>Kiosk screen gallery (${shots.length} screenshots)</h1>\n${items}\n</html>\n`,
  );
}

async function main(): Promise<void> {
  if (!process.argv.includes('--skip-build')) await buildWeb();
  fs.rmSync(OUT, { recursive: true, force: true });
  const host = await startDevHost();
  const browser = await launchChromium([], LANDSCAPE);
  const shots: string[] = [];
  try {
    const page = await browser.newPage();
    await openKiosk(page, host);
    const screens = await discoverScreens(page);
    for (const entry of screens) {
      const folder = entry.label.replace(/[^a-z0-9_]+/gi, '_');
      await navigate(page, entry.screen);
      for (const theme of THEMES) {
        for (const textSize of SIZES) {
          await setSettings(page, { theme, textSize, language: 'zh-CN' });
          await shoot(page, `${folder}/zh-CN_${theme}_${textSize}.png`, shots);
        }
      }
      for (const language of ['en', 'mn-Mong-CN'] as const) {
        for (const textSize of ['M', 'XL'] as const) {
          await setSettings(page, { theme: 'default', textSize, language });
          await shoot(page, `${folder}/${language}_default_${textSize}.png`, shots);
        }
      }
      await page.setViewportSize(PORTRAIT);
      await setSettings(page, { theme: 'default', textSize: 'M', language: 'zh-CN' });
      await shoot(page, `${folder}/zh-CN_default_M_portrait.png`, shots);
      await page.setViewportSize(LANDSCAPE);
    }
    await navigate(page, { name: 'home' });
    await page.evaluate(() => window.__kioskDebug!.store.setElderMode(true));
    await page.waitForFunction(() => document.documentElement.dataset.textSize === 'XL');
    await shoot(page, 'elder_mode/home_zh-CN_default_XL.png', shots);
    await page.evaluate(() => window.__kioskDebug!.store.setElderMode(false));
    await shootMongolianForm(page, (file) => shoot(page, file, shots));
    writeIndex(shots);
    process.stdout.write(`${JSON.stringify({ event: 'gallery', screenshots: shots.length, folder: OUT })}\n`);
  } finally {
    await browser.close();
    await host.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`gallery failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
