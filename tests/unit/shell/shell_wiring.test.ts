import type { PowerSaveBlocker, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { resolveLaunchOptions } from '../../../electron/main/launch_options';
import { keepDisplayAwake } from '../../../electron/main/power';
import { guardWebContents } from '../../../electron/main/web_contents_guards';

type Listener = (...args: unknown[]) => unknown;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: Listener | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: Listener) {
      openHandler = handler;
    },
  };
  guardWebContents(contents as unknown as WebContents);
  /** Fires an event the way Electron does and reports whether the shell cancelled it. */
  const fire = (name: string, details: Record<string, unknown> = {}, ...rest: unknown[]) => {
    let prevented = false;
    listeners.get(name)!({ ...details, preventDefault: () => (prevented = true) }, ...rest);
    return prevented;
  };
  return { fire, openWindow: (url: string) => openHandler!({ url }) };
}

describe('webContents guards', () => {
  it('cancels navigation and redirects away from the app, in main and sub frames', () => {
    const { fire } = fakeContents();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(fire(event, { url: 'https://evil.example/' }), event).toBe(true);
      expect(fire(event, { url: 'file:///etc/passwd' }), event).toBe(true);
      expect(fire(event, { url: 'app://kiosk.evil/' }), event).toBe(true);
      expect(fire(event, { url: 'app://kiosk/index.html' }), event).toBe(false);
    }
  });

  it('opens no windows at all, refuses <webview> and the Bluetooth picker', () => {
    const { fire, openWindow } = fakeContents();
    expect(openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(openWindow('app://kiosk/index.html')).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview')).toBe(true);
    const chosen: unknown[] = [];
    expect(fire('select-bluetooth-device', {}, [{ deviceId: 'a' }], (id: unknown) => chosen.push(id))).toBe(
      true,
    );
    expect(chosen).toEqual(['']);
  });
});

describe('launch options', () => {
  it('enables DevTools only with --technician or KIOSK_TECHNICIAN=1', () => {
    expect(resolveLaunchOptions(['electron', '.'], {}, '/data').technician).toBe(false);
    expect(resolveLaunchOptions(['electron', '.', '--technician'], {}, '/data').technician).toBe(true);
    expect(resolveLaunchOptions(['electron', '.'], { KIOSK_TECHNICIAN: '1' }, '/data').technician).toBe(true);
    expect(resolveLaunchOptions(['electron', '.'], { KIOSK_TECHNICIAN: 'true' }, '/data').technician).toBe(
      false,
    );
    expect(resolveLaunchOptions(['electron', '.', '--technician=0'], {}, '/data').technician).toBe(false);
  });

  it('reads the provisioning file from KIOSK_CONFIG or userData', () => {
    expect(resolveLaunchOptions([], {}, '/data/kiosk')).toEqual({
      technician: false,
      dataDir: '/data/kiosk',
      configPath: '/data/kiosk/kiosk-config.json',
    });
    expect(resolveLaunchOptions([], { KIOSK_CONFIG: '/etc/kiosk/terminal.json' }, '/data').configPath).toBe(
      '/etc/kiosk/terminal.json',
    );
  });
});

describe('power', () => {
  it('keeps the display awake and releases it once', () => {
    const started = new Set<number>();
    const calls: string[] = [];
    const blocker = {
      start: (type: string) => {
        calls.push(`start:${type}`);
        started.add(7);
        return 7;
      },
      stop: (id: number) => {
        calls.push(`stop:${id}`);
        return started.delete(id);
      },
      isStarted: (id: number) => started.has(id),
    };
    const release = keepDisplayAwake(blocker as unknown as PowerSaveBlocker);
    release();
    release();
    expect(calls).toEqual(['start:prevent-display-sleep', 'stop:7']);
  });
});
