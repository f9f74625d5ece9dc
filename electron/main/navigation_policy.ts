/** The one origin the kiosk page may have: the built renderer served by the `app:` protocol. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for `app://kiosk/…` (or the bare origin, as permission checks report it). Anything else —
 * file:, javascript:, data:, http(s), credentials in the URL, ports, look-alike hosts such as
 * `app://kiosk.evil` — is foreign. Parsing, not prefix matching, so `app://kiosk@evil/` is foreign too.
 */
export function isAppUrl(candidate: string): boolean {
  if (typeof candidate !== 'string' || candidate.length > 8192) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === ''
  );
}

/** will-navigate / will-frame-navigate / will-redirect: stay on the app's own pages. */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}
