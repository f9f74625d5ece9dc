import { describe, expect, it } from 'vitest';
import { APP_START_URL, isAppUrl, mayNavigate } from '../../../electron/main/navigation_policy';

describe('navigation allow-list', () => {
  it.each([
    APP_START_URL,
    'app://kiosk/',
    'app://kiosk/assets/index-abc123.js',
    'app://kiosk/__shell/crashed?code=renderer-crashed-3',
    'app://kiosk/index.html#token',
  ])('lets the app navigate within its own pages: %s', (url) => {
    expect(mayNavigate(url)).toBe(true);
  });

  it.each([
    ['file:', 'file:///etc/passwd'],
    ['file: of the app itself', 'file:///opt/kiosk/resources/app.asar/dist/renderer/index.html'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['blob:', 'blob:app://kiosk/0b2f1c1e-1111-2222-3333-444455556666'],
    ['http', 'http://kiosk/'],
    ['https elsewhere', 'https://example.com/'],
    ['loopback dev host', 'http://127.0.0.1:5199/'],
    ['look-alike host', 'app://kiosk.evil.example/'],
    ['host with trailing dot', 'app://kiosk./'],
    ['credentials before host', 'app://kiosk@evil.example/'],
    ['credentials on the app host', 'app://user:pw@kiosk/'],
    ['backslash trick', 'app://kiosk\\@evil.example/'],
    ['port', 'app://kiosk:8080/'],
    ['upper-case host', 'app://KIOSK/'],
    ['other app host', 'app://other/'],
    ['no authority', 'app:kiosk/index.html'],
    ['empty host', 'app:///kiosk/index.html'],
    ['about:blank', 'about:blank'],
    ['chrome internals', 'chrome://settings'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['empty string', ''],
    ['not a URL', 'kiosk/index.html'],
    ['newline injection', 'app://kiosk\n.evil/'],
    ['huge URL', `app://kiosk/${'a'.repeat(10_000)}`],
  ])('denies %s', (_label, url) => {
    expect(mayNavigate(url)).toBe(false);
  });

  it('accepts the bare origin that permission checks report, and nothing typed wrongly', () => {
    expect(isAppUrl('app://kiosk')).toBe(true);
    expect(isAppUrl(undefined as unknown as string)).toBe(false);
    expect(isAppUrl({ toString: () => 'app://kiosk/' } as unknown as string)).toBe(false);
  });
});
