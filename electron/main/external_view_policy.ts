import { parseExternalUrl, RETURN_BAR_FRACTION } from '../../common/video/external_provider';
import type { PermissionQuery } from './permission_policy';

export interface ExternalViewPolicy {
  /** will-navigate / will-frame-navigate / will-redirect: only the allow-listed origins. */
  mayNavigate(url: string): boolean;
  /** Camera and microphone for an allow-listed origin; every other permission and origin is refused. */
  allows(query: PermissionQuery): boolean;
}

/**
 * The rules of the restricted view for a contracted web video service. Origins are compared after parsing
 * (so `https://video.example.org.evil`, `https://user@video.example.org` and `http://` variants do not
 * match), and only https (or loopback http, see `parseExternalUrl`) can ever match.
 */
export function createExternalViewPolicy(allowedOrigins: readonly string[]): ExternalViewPolicy {
  const allowed = new Set(allowedOrigins.filter((origin) => parseExternalUrl(origin)?.origin === origin));
  const isAllowed = (candidate: string) => {
    const url = parseExternalUrl(candidate);
    return url !== null && allowed.has(url.origin);
  };
  return {
    mayNavigate: isAllowed,
    allows({ permission, origin, mediaTypes }) {
      if (permission !== 'media' || !isAllowed(origin)) return false;
      const kinds = mediaTypes ?? [];
      return kinds.length > 0 && kinds.every((kind) => kind === 'audio' || kind === 'video');
    },
  };
}

/** Where the view sits in the window's content area: full width, above the kiosk's return bar. */
export function externalViewBounds(content: { width: number; height: number }): {
  x: number;
  y: number;
  width: number;
  height: number;
} {
  const width = Math.max(0, Math.round(content.width));
  const height = Math.max(0, Math.round(content.height * (1 - RETURN_BAR_FRACTION)));
  return { x: 0, y: 0, width, height };
}
