import { z } from 'zod';

/**
 * A third-party video service the centre has contracted (issue 8 item 5). Either a web page opened in a
 * restricted view of the Electron shell, or an installed program started with fixed arguments. The renderer
 * can ask to open "the" provider, never name a URL or a path.
 */

/** Share of the kiosk window's height the shell leaves free below the external view, where the kiosk page
 * shows its "back to the kiosk" bar. */
export const RETURN_BAR_FRACTION = 0.2;

/** Hosts where plain http is accepted: a gateway on the kiosk itself. Chromium treats loopback as a secure
 * context, so camera and microphone work there; on any other host http would disable them (and expose the
 * page to the network), so LAN services must use https. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** C0 and C1 control characters (newline, NUL, escape, …). */
function hasControl(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** Parses a web origin or page URL the external view may show; null when it is not https (or loopback http),
 * has credentials, or is not a URL at all. */
export function parseExternalUrl(candidate: unknown): URL | null {
  if (typeof candidate !== 'string' || candidate.length > 2048) return null;
  // The URL parser would silently drop tabs and newlines: refuse them (and any whitespace) instead.
  if (hasControl(candidate) || /\s/.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return url;
  return null;
}

const externalUrl = z
  .string()
  .max(2048)
  .refine(
    (value) => parseExternalUrl(value) !== null,
    'an https:// URL without user or password (http:// only on 127.0.0.1 or localhost)',
  );

const externalOrigin = z
  .string()
  .max(300)
  .refine(
    (value) => parseExternalUrl(value)?.origin === value,
    'an origin such as https://video.example.org (scheme and host, optional port, no path)',
  );

const displayName = z
  .string()
  .min(1)
  .max(40)
  .refine((value) => !hasControl(value), 'no control characters');

/** Shell metacharacters and Windows variable expansion: harmless without a shell (the core never uses one),
 * but a path containing them is a mistake or an attack, never a real install location. */
const PATH_FORBIDDEN = /[$`;|&<>*?!"'%]/;
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:\\)/;

const programPath = z
  .string()
  .min(2)
  .max(500)
  .refine((value) => ABSOLUTE_PATH.test(value), 'an absolute path (/… or C:\\…)')
  .refine(
    (value) => !PATH_FORBIDDEN.test(value) && !hasControl(value),
    'no shell characters ($ ` ; | & < > * ? ! quotes %) or control characters',
  )
  .refine((value) => !value.split(/[\\/]/).includes('..'), 'no .. segments')
  // Windows starts .bat/.cmd through cmd.exe, which would reinterpret the arguments: programs only.
  .refine((value) => !/\.(bat|cmd)$/i.test(value), 'a program, not a .bat or .cmd script');

const programArg = z
  .string()
  .max(200)
  .refine((value) => !hasControl(value), 'no control characters (newlines, NUL, …)');

/** A web service, opened in the shell's restricted view: may come from the provisioning file. */
export const externalUrlProviderSchema = z
  .object({
    kind: z.literal('url'),
    /** The page to open; its own origin is always allowed. */
    url: externalUrl,
    /** Further origins the service may navigate to (a login or media host), nothing else. */
    allowedOrigins: z.array(externalOrigin).max(8).default([]),
    name: displayName.optional(),
  })
  .strict();

/**
 * An installed program: only from the file a technician placed next to the provisioning file
 * (`video_program.json`, see `core/video/technician_program_file.ts`), never from the provisioning file, which an
 * enrollment answer or a technician's screen edit writes.
 */
export const externalProgramSchema = z
  .object({
    kind: z.literal('program'),
    path: programPath,
    /** Passed as-is, as separate arguments, to the program: no shell ever sees them. */
    args: z.array(programArg).max(16).default([]),
    name: displayName.optional(),
  })
  .strict();

export const externalProviderSchema = z.discriminatedUnion('kind', [
  externalUrlProviderSchema,
  externalProgramSchema,
]);
export type ExternalProvider = z.infer<typeof externalProviderSchema>;
export type ExternalUrlProvider = z.infer<typeof externalUrlProviderSchema>;
export type ExternalProgram = z.infer<typeof externalProgramSchema>;

/** Every origin the external view may show: the page's own and the allow-listed ones. */
export function allowedOriginsOf(provider: ExternalUrlProvider): string[] {
  const own = parseExternalUrl(provider.url)?.origin;
  return [...new Set([...(own ? [own] : []), ...provider.allowedOrigins])];
}
