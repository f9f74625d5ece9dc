import type { WebContents } from 'electron';
import { mayNavigate } from './navigation_policy';

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Applied to every webContents the app creates: no navigation or redirect away from `app://kiosk/` (the
 * contracted video service's view: its allow-listed origins, see `external_view_policy.ts`), no new
 * windows at all (a kiosk has one window; links never open popups), no <webview>, and no Bluetooth picker
 * (Electron would otherwise pick the first device by itself).
 */
export function guardWebContents(
  contents: GuardedContents,
  allowed: (url: string) => boolean = mayNavigate,
): void {
  contents.on('will-navigate', (event) => {
    if (!allowed(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!allowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!allowed(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}
