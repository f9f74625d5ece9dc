import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../common/result';
import { byteRange, signClipAnswer } from '../../../core/sign_language/clip_response';

const SHA = 'a'.repeat(64);
const BYTES = Buffer.from('0123456789');
const clip = (sha: string) => (sha === SHA ? ok(BYTES) : err('not_found'));
const ask = (pathname: string, range?: string, method = 'GET') =>
  signClipAnswer({ method, pathname, range }, clip);

describe('serving sign clips', () => {
  it('reads byte ranges as the video element sends them', () => {
    expect(byteRange(undefined, 10)).toBeNull();
    expect(byteRange('bytes=0-', 10)).toEqual({ start: 0, end: 9 });
    expect(byteRange('bytes=2-4', 10)).toEqual({ start: 2, end: 4 });
    expect(byteRange('bytes=8-100', 10)).toEqual({ start: 8, end: 9 });
    expect(byteRange('bytes=-3', 10)).toEqual({ start: 7, end: 9 });
    expect(byteRange('bytes=10-', 10)).toBe('unsatisfiable');
    expect(byteRange('bytes=5-2', 10)).toBe('unsatisfiable');
    expect(byteRange('bytes=0-1,4-5', 10)).toBeNull();
    expect(byteRange('items=0-1', 10)).toBeNull();
  });

  it('answers whole files, ranges and HEAD with the video type', () => {
    expect(ask(`/sign-clips/${SHA}.webm`)).toMatchObject({
      status: 200,
      headers: { 'content-type': 'video/webm', 'accept-ranges': 'bytes', 'content-length': '10' },
      body: BYTES,
    });
    const part = ask(`/sign-clips/${SHA}.webm`, 'bytes=2-4')!;
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 2-4/10');
    expect(part.body?.toString()).toBe('234');
    expect(ask(`/sign-clips/${SHA}.webm`, 'bytes=20-')).toMatchObject({
      status: 416,
      headers: { 'content-range': 'bytes */10' },
    });
    expect(ask(`/sign-clips/${SHA}.webm`, undefined, 'HEAD')).toMatchObject({ status: 200, body: null });
  });

  it('knows only clips of installed packs by their hash; other paths are not its business', () => {
    expect(ask(`/sign-clips/${'b'.repeat(64)}.webm`)?.status).toBe(404);
    expect(ask(`/sign-clips/${SHA}.webm`, undefined, 'POST')?.status).toBe(405);
    for (const other of [
      '/index.html',
      `/sign-clips/${SHA}.mp4`,
      `/sign-clips/../${SHA}.webm`,
      `/sign-clips/${SHA.toUpperCase()}.webm`,
      '/sign-clips/%2e%2e%2fkiosk.sqlite',
    ])
      expect(ask(other)).toBeNull();
  });
});
