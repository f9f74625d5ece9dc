import { describe, expect, it } from 'vitest';
import { RETURN_BAR_FRACTION } from '../../../common/video/external_provider';
import { createExternalViewPolicy, externalViewBounds } from '../../../electron/main/external_view_policy';
import { APP_START_URL } from '../../../electron/main/navigation_policy';

const policy = createExternalViewPolicy(['https://video.example.org', 'https://login.example.org:8443']);
const media = (origin: string, mediaTypes: string[]) => ({ permission: 'media', origin, mediaTypes });

describe('the contracted web service view', () => {
  it('navigates within the allow-listed origins only', () => {
    expect(policy.mayNavigate('https://video.example.org/room/42')).toBe(true);
    expect(policy.mayNavigate('https://login.example.org:8443/sso?next=/room')).toBe(true);
    for (const url of [
      'https://login.example.org/sso',
      'http://video.example.org/room',
      'https://video.example.org.evil.example/',
      'https://evil.example/?https://video.example.org',
      'https://user@video.example.org/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,hi',
      APP_START_URL,
      'https://video.example.org/\n',
      '',
    ])
      expect(policy.mayNavigate(url), url).toBe(false);
  });

  it('ignores allow-list entries that are not https origins', () => {
    const loose = createExternalViewPolicy([
      'http://evil.example',
      'javascript:alert(1)',
      '*',
      'https://ok.example',
    ]);
    expect(loose.mayNavigate('http://evil.example/')).toBe(false);
    expect(loose.mayNavigate('https://anything.example/')).toBe(false);
    expect(loose.mayNavigate('https://ok.example/')).toBe(true);
  });

  it('grants camera and microphone to an allowed origin, and nothing else to anyone', () => {
    expect(policy.allows(media('https://video.example.org/room', ['video', 'audio']))).toBe(true);
    expect(policy.allows(media('https://video.example.org', ['audio']))).toBe(true);
    expect(policy.allows(media('https://evil.example', ['video', 'audio']))).toBe(false);
    expect(policy.allows(media(APP_START_URL, ['video']))).toBe(false);
    expect(policy.allows(media('https://video.example.org', ['video', 'desktop']))).toBe(false);
    expect(policy.allows(media('https://video.example.org', []))).toBe(false);
    for (const permission of [
      'geolocation',
      'notifications',
      'display-capture',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ])
      expect(policy.allows({ permission, origin: 'https://video.example.org' }), permission).toBe(false);
  });

  it('leaves the bottom of the window to the kiosk page for the way back', () => {
    expect(externalViewBounds({ width: 1920, height: 1080 })).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: Math.round(1080 * (1 - RETURN_BAR_FRACTION)),
    });
    expect(RETURN_BAR_FRACTION).toBeGreaterThan(0.1);
  });
});
