import { describe, expect, it } from 'vitest';
import { feedPlatform } from '../../../electron/main/self_update';

describe('feed platform', () => {
  it('self-updates the NSIS build and AppImages only, never a .deb or a development run', () => {
    expect(feedPlatform('win32', 'x64', {}, true)).toBe('win');
    expect(feedPlatform('linux', 'x64', { APPIMAGE: '/opt/kiosk.AppImage' }, true)).toBe('linux');
    expect(feedPlatform('linux', 'arm64', { APPIMAGE: '/opt/kiosk.AppImage' }, true)).toBe('linux-arm64');
    expect(feedPlatform('linux', 'x64', {}, true)).toBeNull();
    expect(feedPlatform('win32', 'x64', {}, false)).toBeNull();
    expect(feedPlatform('darwin', 'arm64', {}, true)).toBeNull();
  });
});
