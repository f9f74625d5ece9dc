import type { Session } from 'electron';
import type { PermissionPolicy } from './permission_policy';

type HardenedSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'
>;

/**
 * Installs the permission policy as both the request and the check handler (Chromium asks either way),
 * refuses every device grant, and cancels the serial/HID/USB pickers, so `navigator.serial`, `.hid` and
 * `.usb` can never reach hardware. Screen capture needs no handler: without one Electron refuses
 * `getDisplayMedia`, and the policy refuses 'display-capture'.
 */
export function hardenSession(session: HardenedSession, policy: Pick<PermissionPolicy, 'allows'>): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(policy.allows({ permission, origin: details.requestingUrl, mediaTypes }));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    policy.allows({
      permission,
      origin: requestingOrigin,
      mediaTypes: details.mediaType ? [details.mediaType] : [],
    }),
  );
  session.setDevicePermissionHandler(() => false);
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}
