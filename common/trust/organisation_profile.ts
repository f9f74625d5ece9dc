import { z } from 'zod';
import { publicKeyBase64Schema } from '../updates/signed_feed';
import { hubOrigin, hubUrlSchema, parseHubUrl } from './hub_url';

/**
 * The organisation profile: the trust anchors shipped with the build (`assets/organisation_profile.json`,
 * packaged as an extra resource). It names the hubs a terminal may talk to — each with the CA certificate
 * that issued the hub's TLS certificate and/or SHA-256 pins of a public key in its chain — and the public
 * keys that sign update feeds. Nothing typed on the kiosk or sent by a hub changes it.
 */
export const PROFILE_FORMAT = 'kiosk-organisation-profile/1';

const certificatePem = z
  .string()
  .max(16 * 1024)
  .regex(
    /^-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\r?\n?$/,
    'one PEM certificate (-----BEGIN CERTIFICATE----- …)',
  );

/** `sha256/<base64>`: SHA-256 of a certificate's SubjectPublicKeyInfo (DER), as `npm run hub:cert` prints it. */
export const spkiPinSchema = z
  .string()
  .max(51)
  .regex(/^sha256\/[A-Za-z0-9+/]{43}=$/, 'a pin such as sha256/<44 base64 characters>');

export const profileHubSchema = z
  .object({
    url: hubUrlSchema,
    /** Shown to the technician on the enrollment screen. */
    name: z.string().min(1).max(100).optional(),
    /** Only these CAs are trusted for this hub (the system's CAs are not). */
    caCertificates: z.array(certificatePem).max(4).default([]),
    /** One of these keys must appear in the hub's certificate chain. */
    spkiPins: z.array(spkiPinSchema).max(8).default([]),
  })
  .strict()
  .refine(
    (hub) => {
      const url = parseHubUrl(hub.url);
      return !url.ok || url.value.protocol === 'http:' || hub.caCertificates.length + hub.spkiPins.length > 0;
    },
    { message: 'an https hub needs its CA certificate (caCertificates) or a pin (spkiPins)', path: ['url'] },
  );
export type ProfileHub = z.infer<typeof profileHubSchema>;

export const organisationProfileSchema = z
  .object({
    format: z.literal(PROFILE_FORMAT),
    /** The sample shipped in the repository: `npm run dist` refuses to package it. */
    sample: z.boolean().default(false),
    organisation: z.string().min(1).max(200),
    hubs: z.array(profileHubSchema).min(1).max(8),
    updates: z
      .object({ publicKeys: z.array(publicKeyBase64Schema).max(4).default([]) })
      .strict()
      .default({ publicKeys: [] }),
  })
  .strict();
export type OrganisationProfile = z.infer<typeof organisationProfileSchema>;

/** The profile's entry for a hub address (same scheme, host and port), or null: then it is not our hub. */
export function profileHubFor(profile: OrganisationProfile, hubUrl: string): ProfileHub | null {
  const origin = hubOrigin(hubUrl);
  if (origin === null) return null;
  return profile.hubs.find((hub) => hubOrigin(hub.url) === origin) ?? null;
}
