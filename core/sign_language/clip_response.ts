import type { Result } from '../../common/result';
import { SIGN_CLIP_PATH } from '../../common/sign_language/sign_pack_manifest';

/** A request for a media file, as the dev host's HTTP server and Electron's app:// protocol both see it. */
export interface MediaRequest {
  method: string;
  pathname: string;
  /** The `Range` header, if any. */
  range: string | undefined;
}

export interface MediaAnswer {
  status: 200 | 206 | 404 | 405 | 416;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** One `bytes=` range of a file of `size` bytes; null serves the whole file (no range, or several). */
export function byteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | 'unsatisfiable' {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [, from, to] = match as unknown as [string, string, string];
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/**
 * Serves `/sign-clips/<sha256>.webm` of the installed sign packs with byte ranges (the video element seeks
 * and replays with them); null for every other path. No token: clips are published, public content, named by
 * their hash; only clips of installed packs exist.
 */
export function signClipAnswer(
  request: MediaRequest,
  clip: (sha256: string) => Result<Buffer, unknown>,
): MediaAnswer | null {
  const match = SIGN_CLIP_PATH.exec(request.pathname);
  if (!match) return null;
  if (request.method !== 'GET' && request.method !== 'HEAD') return { status: 405, headers: {}, body: null };
  const found = clip(match[1]!);
  if (!found.ok) return { status: 404, headers: {}, body: null };
  const bytes = found.value;
  // Named by their hash, clips never change: the browser may keep them (public content, no personal data).
  const headers = {
    'content-type': 'video/webm',
    'accept-ranges': 'bytes',
    'cache-control': 'private, max-age=31536000, immutable',
  };
  const range = byteRange(request.range, bytes.length);
  if (range === 'unsatisfiable')
    return { status: 416, headers: { ...headers, 'content-range': `bytes */${bytes.length}` }, body: null };
  const head = request.method === 'HEAD';
  if (range === null)
    return {
      status: 200,
      headers: { ...headers, 'content-length': String(bytes.length) },
      body: head ? null : bytes,
    };
  const part = bytes.subarray(range.start, range.end + 1);
  return {
    status: 206,
    headers: {
      ...headers,
      'content-length': String(part.length),
      'content-range': `bytes ${range.start}-${range.end}/${bytes.length}`,
    },
    body: head ? null : part,
  };
}
