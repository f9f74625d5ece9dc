import { z } from 'zod';

/**
 * The detached signature next to each feed (`latest.yml.sig`): JSON naming the algorithm and key, and the
 * Ed25519 signature over `signedMessage(channel, file, yml bytes)`. Binding channel and file name stops a
 * validly signed beta feed from being replayed as stable, or one platform's feed as another's.
 */
export const SIGNATURE_SUFFIX = '.sig';
export const SIGNATURE_FORMAT = 'kiosk-update-signature/1';

/** The release public key as provisioned: base64 of the raw 32-byte Ed25519 key. */
export const publicKeyBase64Schema = z
  .string()
  .max(44)
  .regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 of a 32-byte Ed25519 public key');

export const signatureEnvelopeSchema = z
  .object({
    format: z.literal(SIGNATURE_FORMAT),
    algorithm: z.literal('ed25519'),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    signature: z
      .string()
      .max(88)
      .regex(/^[A-Za-z0-9+/]{86}==$/, 'base64 of a 64-byte signature'),
  })
  .strict();
export type SignatureEnvelope = z.infer<typeof signatureEnvelopeSchema>;

export function signedMessage(channel: string, file: string, yml: Uint8Array): Uint8Array {
  const header = new TextEncoder().encode(`${SIGNATURE_FORMAT}\n${channel}\n${file}\n`);
  const out = new Uint8Array(header.length + yml.length);
  out.set(header, 0);
  out.set(yml, header.length);
  return out;
}

export function parseSignatureEnvelope(text: string): SignatureEnvelope | null {
  try {
    const parsed = signatureEnvelopeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
