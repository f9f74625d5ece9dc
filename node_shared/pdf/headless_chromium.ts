import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** The flags of DESIGN.md: no sandbox (no user namespaces in CI), no GPU, nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** The bundled fonts (`assets/fonts`: the print subset of Noto Sans CJK SC, Noto Sans Mongolian). */
export const BUNDLED_FONT_DIR = path.resolve(import.meta.dirname, '../../assets/fonts');

export interface HeadlessChromium {
  context: BrowserContext;
  /** The browser's own profile folder: it also marks its processes (`processesOf`). */
  profileDir: string;
  close(): Promise<void>;
}

/**
 * A fontconfig file that adds `fontDir` to the system's fonts, so documents reach the bundled fonts by
 * local name (`local('Kiosk Print SC')`) without shipping them inside every document.
 */
function fontConfig(profileDir: string, fontDir: string): string {
  const file = path.join(profileDir, 'fonts.conf');
  const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${xml(fontDir)}</dir>
  <cachedir>${xml(path.join(profileDir, 'font-cache'))}</cachedir>
</fontconfig>
`,
  );
  return file;
}

/**
 * Removes a browser's profile folder. A killed browser's last helper processes may still be writing into it
 * (ENOTEMPTY while removing): retried a few times, and a folder that still cannot go is left for the OS's
 * temporary-file cleaning rather than failing a close that callers do not wait on.
 */
function removeProfile(profileDir: string): void {
  try {
    fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  } catch {
    // left in the temporary folder with only the browser's own state: pages are set, printed and closed
  }
}

/**
 * Starts Debian's Chromium headless for documents only: a fresh profile, JavaScript off, offline (printed
 * documents need neither). On Linux the bundled fonts are added through fontconfig.
 */
export async function launchHeadlessChromium(options: {
  executablePath?: string | undefined;
  fontDir?: string | null | undefined;
}): Promise<HeadlessChromium> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-pdf-'));
  const fontDir = options.fontDir === undefined ? BUNDLED_FONT_DIR : options.fontDir;
  const env =
    fontDir && process.platform === 'linux' && fs.existsSync(fontDir)
      ? { ...process.env, FONTCONFIG_FILE: fontConfig(profileDir, fontDir) }
      : process.env;
  try {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      javaScriptEnabled: false,
      offline: true,
      env: env as Record<string, string>,
      // The process's own stop (`stopOnSignals`) closes the browser after the database, not Playwright's
      // signal hooks racing it; Playwright's exit hook still kills the browser if that stop runs out of time.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    return {
      context,
      profileDir,
      async close() {
        await context.close().catch(() => undefined);
        removeProfile(profileDir);
      },
    };
  } catch (error) {
    removeProfile(profileDir);
    throw error;
  }
}
