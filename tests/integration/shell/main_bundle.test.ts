import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../common/csp';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

/** What support/fake_electron.cjs reports after driving the real main bundle. */
interface Report {
  schemes: { scheme: string; privileges: Record<string, boolean> }[];
  menu: unknown;
  webPreferences: Record<string, unknown>;
  kiosk: boolean;
  preloads: { type: string; filePath: string; matches: string[] }[];
  firstLoad: string;
  index: { status: number; csp: string; body: string };
  traversalStatus: number;
  health: { ok: boolean; value?: { appVersion: string } };
  foreign: { ok: boolean; error?: { code: string } };
  camera: boolean;
  geolocation: boolean;
  devicePermission: boolean;
  windowOpen: { action: string };
  navigationPrevented: boolean;
  f5Prevented: boolean;
  closePreventedBeforeQuit: boolean;
  closePreventedAfterQuit: boolean;
  keepAwake: string[];
  keepAwakeAfterQuit: string[];
  loadsAfterCrashes: string[];
  crashPage: { status: number; body: string };
}

let report: Report;

beforeAll(async () => {
  await run(process.execPath, [path.join(ROOT, 'scripts/build_electron.mjs')], { cwd: ROOT });
  const appPath = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-shell-app-'));
  fs.mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(
    path.join(appPath, 'dist', 'renderer', 'index.html'),
    '<!doctype html><title>kiosk page</title>',
  );
  fs.writeFileSync(path.join(appPath, 'dist', 'secret.txt'), 'outside');
  const { stdout } = await run(
    process.execPath,
    [
      '-r',
      path.join(import.meta.dirname, 'support', 'fake_electron.cjs'),
      path.join(ROOT, 'dist/electron/main.cjs'),
    ],
    {
      cwd: ROOT,
      timeout: 60_000,
      env: {
        ...process.env,
        FAKE_APP_PATH: appPath,
        FAKE_USER_DATA: fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-shell-data-')),
        KIOSK_CONFIG: path.join(ROOT, 'assets', 'config.sample.json'),
        KIOSK_SPEECH_PRERENDER: '0',
        KIOSK_TECHNICIAN: '',
      },
    },
  );
  report = JSON.parse(stdout.trim().split('\n').at(-1)!);
}, 120_000);

describe('the built main bundle, driven through a recording fake of Electron', () => {
  it('makes a sandboxed, isolated kiosk window without Node and without DevTools', () => {
    expect(report.kiosk).toBe(true);
    expect(report.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      spellcheck: false,
    });
    expect(report.webPreferences).not.toHaveProperty('preload');
    expect(report.menu).toBeNull();
  });

  it('registers the bridge preload for app://kiosk pages only, from the bundle folder', () => {
    expect(report.preloads).toEqual([
      expect.objectContaining({
        type: 'frame',
        matches: ['app://kiosk/*'],
        filePath: path.join(ROOT, 'dist/electron/preload.cjs'),
      }),
    ]);
    expect(fs.existsSync(report.preloads[0]!.filePath)).toBe(true);
  });

  it('serves the renderer on app://kiosk with the CSP and loads it', () => {
    expect(report.schemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
    expect(report.firstLoad).toBe('app://kiosk/index.html');
    expect(report.index).toEqual({
      status: 200,
      csp: CONTENT_SECURITY_POLICY,
      body: expect.stringContaining('kiosk page'),
    });
    expect(report.traversalStatus).toBe(404);
  });

  it('answers IPC from the app page through the real core and refuses a foreign frame', () => {
    expect(report.health).toMatchObject({ ok: true, value: { appVersion: '9.9.9' } });
    expect(report.foreign).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('denies permissions, devices, popups and navigation away, and swallows F5', () => {
    expect(report.camera).toBe(false);
    expect(report.geolocation).toBe(false);
    expect(report.devicePermission).toBe(false);
    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.navigationPrevented).toBe(true);
    expect(report.f5Prevented).toBe(true);
  });

  it('refuses to close until the app quits, and keeps the display awake until then', () => {
    expect(report.closePreventedBeforeQuit).toBe(true);
    expect(report.closePreventedAfterQuit).toBe(false);
    expect(report.keepAwake).toEqual(['prevent-display-sleep']);
    expect(report.keepAwakeAfterQuit).toEqual([]);
  });

  it('reloads after two renderer crashes and shows the staff page at the third', () => {
    expect(report.loadsAfterCrashes).toEqual([
      'app://kiosk/index.html',
      'app://kiosk/index.html',
      'app://kiosk/__shell/crashed?code=renderer-crashed-3',
    ]);
    expect(report.crashPage.status).toBe(200);
    expect(report.crashPage.body).toContain('终端暂时无法使用');
  });
});
