import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { createPermissionPolicy } from '../../../electron/main/permission_policy';
import { hardenSession } from '../../../electron/main/session_hardening';

// Every permission name Electron 45 can ask a handler about (electron.d.ts), plus an unknown one.
const PERMISSIONS = [
  'ar',
  'automatic-fullscreen',
  'background-fetch',
  'background-sync',
  'captured-surface-control',
  'clipboard-read',
  'clipboard-sanitized-write',
  'deprecated-sync-clipboard-read',
  'display-capture',
  'fileSystem',
  'fullscreen',
  'geolocation',
  'geolocation-approximate',
  'hand-tracking',
  'hid',
  'idle-detection',
  'keyboardLock',
  'local-fonts',
  'local-network',
  'local-network-access',
  'loopback-network',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'nfc',
  'notifications',
  'openExternal',
  'payment-handler',
  'periodic-background-sync',
  'persistent-storage',
  'pointerLock',
  'screen-wake-lock',
  'sensors',
  'serial',
  'smart-card',
  'speaker-selection',
  'storage-access',
  'system-wake-lock',
  'top-level-storage-access',
  'usb',
  'vr',
  'web-app-installation',
  'web-printing',
  'window-management',
  'unknown',
  'made-up-permission',
];
const APP_ORIGINS = ['app://kiosk', 'app://kiosk/', 'app://kiosk/index.html'];
const FOREIGN_ORIGINS = [
  'https://example.com',
  'http://127.0.0.1:5199',
  'app://kiosk.evil',
  'app://evil@kiosk.example',
  'file:///opt/kiosk/index.html',
  'data:text/html,x',
  'about:blank',
  '',
];

describe('permission policy', () => {
  it.each(PERMISSIONS)('decides %s for every origin, on and off the call screen', (permission) => {
    for (const callScreen of [false, true]) {
      const policy = createPermissionPolicy();
      policy.setCallScreenActive(callScreen);
      for (const origin of [...APP_ORIGINS, ...FOREIGN_ORIGINS]) {
        const expected = permission === 'media' && callScreen && APP_ORIGINS.includes(origin);
        const label = `${permission} from "${origin}", call screen ${callScreen}`;
        expect(policy.allows({ permission, origin, mediaTypes: ['audio', 'video'] }), label).toBe(expected);
      }
    }
  });

  it('grants camera and microphone on the call screen, never screen capture or an empty request', () => {
    const policy = createPermissionPolicy();
    policy.setCallScreenActive(true);
    const media = (mediaTypes: string[]) =>
      policy.allows({ permission: 'media', origin: 'app://kiosk', mediaTypes });
    expect(media(['video'])).toBe(true);
    expect(media(['audio'])).toBe(true);
    expect(media(['audio', 'video'])).toBe(true);
    expect(media([])).toBe(false);
    expect(media(['unknown'])).toBe(false);
    expect(media(['video', 'desktop'])).toBe(false);
    expect(policy.allows({ permission: 'media', origin: 'app://kiosk' })).toBe(false);
    expect(
      policy.allows({ permission: 'display-capture', origin: 'app://kiosk', mediaTypes: ['video'] }),
    ).toBe(false);
  });

  it('closes the devices again when the visitor leaves the call screen', () => {
    const policy = createPermissionPolicy();
    const query = { permission: 'media', origin: 'app://kiosk/', mediaTypes: ['video'] };
    expect(policy.allows(query)).toBe(false);
    policy.setCallScreenActive(true);
    expect(policy.isCallScreenActive()).toBe(true);
    expect(policy.allows(query)).toBe(true);
    policy.setCallScreenActive(false);
    expect(policy.allows(query)).toBe(false);
    policy.setCallScreenActive('yes' as unknown as boolean);
    expect(policy.allows(query)).toBe(false);
  });
});

type Handler = (...args: never[]) => unknown;

/** A session that records the handlers the shell installs, so they can be called like Chromium would. */
function fakeSession() {
  const handlers: Record<string, Handler> = {};
  const session = {
    setPermissionRequestHandler: (h: Handler) => {
      handlers.request = h;
    },
    setPermissionCheckHandler: (h: Handler) => {
      handlers.check = h;
    },
    setDevicePermissionHandler: (h: Handler) => {
      handlers.device = h;
    },
    on: (event: string, h: Handler) => {
      handlers[event] = h;
      return session;
    },
  };
  return {
    session: session as unknown as Session,
    handlers: handlers as Record<string, (...args: unknown[]) => unknown>,
  };
}

function preventable() {
  const event = {
    prevented: false,
    preventDefault: () => {
      event.prevented = true;
    },
  };
  return event;
}

describe('session hardening', () => {
  it('routes request and check handlers through the policy', () => {
    const policy = createPermissionPolicy();
    const { session, handlers } = fakeSession();
    hardenSession(session, policy);
    const request = (permission: string, details: object) =>
      new Promise<boolean>((resolve) => handlers.request!(null, permission, resolve, details));

    return (async () => {
      const camera = {
        requestingUrl: 'app://kiosk/index.html',
        mediaTypes: ['video', 'audio'],
        isMainFrame: true,
      };
      expect(await request('media', camera)).toBe(false);
      policy.setCallScreenActive(true);
      expect(await request('media', camera)).toBe(true);
      expect(await request('media', { ...camera, requestingUrl: 'https://example.com/' })).toBe(false);
      expect(await request('geolocation', { requestingUrl: 'app://kiosk/', isMainFrame: true })).toBe(false);
      expect(await request('media', { requestingUrl: 'app://kiosk/', isMainFrame: true })).toBe(false);
      expect(handlers.check!(null, 'media', 'app://kiosk', { mediaType: 'video', isMainFrame: true })).toBe(
        true,
      );
      expect(handlers.check!(null, 'media', 'app://kiosk', { mediaType: 'unknown', isMainFrame: true })).toBe(
        false,
      );
      expect(
        handlers.check!(null, 'media', 'https://evil.example', { mediaType: 'audio', isMainFrame: false }),
      ).toBe(false);
      expect(handlers.check!(null, 'serial', 'app://kiosk', { isMainFrame: true })).toBe(false);
    })();
  });

  it('refuses every device and cancels the serial, HID and USB pickers', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, createPermissionPolicy());
    expect(handlers.device!({ deviceType: 'usb', origin: 'app://kiosk' })).toBe(false);
    expect(handlers.device!({ deviceType: 'serial', origin: 'app://kiosk' })).toBe(false);

    const serial = preventable();
    const chosen: unknown[] = [];
    handlers['select-serial-port']!(serial, [{ portId: 'COM1' }], null, (id: unknown) => chosen.push(id));
    const hid = preventable();
    handlers['select-hid-device']!(hid, { deviceList: [{ deviceId: 'x' }] }, (id?: unknown) =>
      chosen.push(id),
    );
    const usb = preventable();
    handlers['select-usb-device']!(usb, { deviceList: [{ deviceId: 'y' }] }, (id?: unknown) =>
      chosen.push(id),
    );
    expect([serial.prevented, hid.prevented, usb.prevented]).toEqual([true, true, true]);
    expect(chosen).toEqual(['', undefined, undefined]);
  });
});
