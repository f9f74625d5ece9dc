import { createHash, X509Certificate } from 'node:crypto';
import tls, { type PeerCertificate } from 'node:tls';

/** What a terminal trusts for one hub: the organisation profile's CA certificates and key pins. */
export interface HubTrustAnchors {
  caCertificates: readonly string[];
  spkiPins: readonly string[];
}

/** TLS client options that accept only the pinned hub; spread them into https/tls/ws options. */
export interface PinnedTlsOptions {
  ca?: string[];
  rejectUnauthorized: true;
  minVersion: 'TLSv1.2';
  checkServerIdentity: (host: string, cert: PeerCertificate) => Error | undefined;
}

/** The error code of a chain that verified but carries none of the pinned keys. */
export const PIN_MISMATCH_CODE = 'ERR_HUB_PIN_MISMATCH';

/** `sha256/<base64>` of a certificate's SubjectPublicKeyInfo (PEM text or DER bytes). */
export function spkiPinOf(certificate: string | Buffer): string {
  const spki = new X509Certificate(certificate).publicKey.export({ type: 'spki', format: 'der' });
  return `sha256/${createHash('sha256').update(spki).digest('base64')}`;
}

/** The peer certificate and its issuers, as far as Node completed the chain (stops at a self-issued one). */
function chainOf(cert: PeerCertificate): PeerCertificate[] {
  const chain: PeerCertificate[] = [];
  let current: PeerCertificate | undefined = cert;
  while (current?.raw && !chain.includes(current) && chain.length < 10) {
    chain.push(current);
    current = (current as tls.DetailedPeerCertificate).issuerCertificate;
  }
  return chain;
}

/**
 * Node's own verification, narrowed to the anchors: with CA certificates, only those CAs (not the system's)
 * can vouch for the hub; the host name must match the certificate; with pins, some certificate of the chain
 * must carry a pinned key. A hub that fails any of this is refused during the handshake, before a request,
 * a token or a byte of an application is written.
 */
export function pinnedTlsOptions(anchors: HubTrustAnchors): PinnedTlsOptions {
  return {
    ...(anchors.caCertificates.length > 0 ? { ca: [...anchors.caCertificates] } : {}),
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
    checkServerIdentity: (host, cert) => {
      const nameProblem = tls.checkServerIdentity(host, cert);
      if (nameProblem || anchors.spkiPins.length === 0) return nameProblem;
      if (chainOf(cert).some((link) => anchors.spkiPins.includes(spkiPinOf(link.raw)))) return undefined;
      return Object.assign(new Error('no certificate of the hub carries a pinned key'), {
        code: PIN_MISMATCH_CODE,
      });
    },
  };
}

/** OpenSSL's and Node's codes for "this is not the hub we trust" (as opposed to "the hub is unreachable"). */
const IDENTITY_CODES = new Set([
  PIN_MISMATCH_CODE,
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'PATH_LENGTH_EXCEEDED',
  'HOSTNAME_MISMATCH',
]);

/** True when a connection failed because the server is not the pinned hub. */
export function isHubIdentityError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && IDENTITY_CODES.has(code);
}
