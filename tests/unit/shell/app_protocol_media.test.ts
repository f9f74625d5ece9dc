import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../common/csp';
import { err, ok } from '../../../common/result';
import { signClipAnswer } from '../../../core/sign_language/clip_response';
import { createAppRequestHandler } from '../../../electron/main/app_protocol';

const SHELL_STATIC = path.resolve(import.meta.dirname, '../../../electron/main/static');
const SHA = 'c'.repeat(64);
const CLIP = Buffer.from('webm bytes of a sign clip');
const handle = createAppRequestHandler(
  path.resolve(import.meta.dirname, 'no-renderer'),
  SHELL_STATIC,
  (request) => signClipAnswer(request, (sha) => (sha === SHA ? ok(CLIP) : err('not_found'))),
);
const get = (url: string, headers: Record<string, string> = {}) =>
  handle({ url, method: 'GET', headers: new Headers(headers) });

describe('app:// serves sign clips from the core, same origin, with the CSP and byte ranges', () => {
  it('answers a range request with 206 and the security headers', async () => {
    const response = get(`app://kiosk/sign-clips/${SHA}.webm`, { range: 'bytes=5-9' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-type')).toBe('video/webm');
    expect(response.headers.get('content-range')).toBe(`bytes 5-9/${CLIP.length}`);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(Buffer.from(await response.arrayBuffer()).toString()).toBe('bytes');
    expect((await get(`app://kiosk/sign-clips/${SHA}.webm`).arrayBuffer()).byteLength).toBe(CLIP.length);
  });

  it('serves nothing for unknown clips, other hosts or schemes', () => {
    expect(get(`app://kiosk/sign-clips/${'d'.repeat(64)}.webm`).status).toBe(404);
    expect(get(`app://evil/sign-clips/${SHA}.webm`).status).toBe(404);
    expect(get(`file:///sign-clips/${SHA}.webm`).status).toBe(404);
  });

  it('keeps the CSP strict: media only from the app itself (and the page’s own speech blobs)', () => {
    const media = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('media-src'));
    expect(media).toBe("media-src 'self' blob: data:");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|file:|\*/);
  });
});
