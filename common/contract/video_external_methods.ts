import { z } from 'zod';
import { visitorMethod } from './define';

/** Why the contracted service did not open (each is said to the visitor in words and speech). */
export const externalOpenFailureSchema = z.enum([
  'not_configured',
  /** The dev host has no Electron shell, so a web service cannot get its restricted view. */
  'not_available_in_dev_host',
  /** The configured program does not exist at its path. */
  'not_installed',
  /** It exists but could not be started (not executable, view failed to open). */
  'failed_to_start',
]);
export type ExternalOpenFailure = z.infer<typeof externalOpenFailureSchema>;

/**
 * The contracted third-party video service. No method takes a URL or a path: the core opens only what the
 * provisioning file names (`video.external`), so the page can never open anything else.
 */
export const videoExternalMethods = {
  'video.external.info': visitorMethod(
    z.object({}).strict(),
    z.discriminatedUnion('configured', [
      z.object({ configured: z.literal(false) }),
      z.object({
        configured: z.literal(true),
        kind: z.enum(['url', 'program']),
        /** The provider's name from the config, shown on the button; null: a generic label. */
        name: z.string().max(40).nullable(),
      }),
    ]),
  ),
  'video.external.open': visitorMethod(
    z.object({}).strict(),
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), reason: externalOpenFailureSchema }),
    ]),
  ),
  /** Back to the kiosk: closes the view or stops the program (nothing happens if none is open). */
  'video.external.close': visitorMethod(z.object({}).strict(), z.object({ ok: z.literal(true) })),
} as const;
