import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseHubUrl } from '../../common/trust/hub_url';
import { organisationProfileSchema, PROFILE_FORMAT } from '../../common/trust/organisation_profile';
import { trustedHubEndpoint } from '../../core/trust/hub_trust';
import type { HubTlsFiles } from '../../hub/tls/hub_tls_options';
import { caFilesIn, createCa, issueServerCertificate } from '../../hub/tls/private_ca';
import type { HubEndpoint } from '../../node_shared/hub_request';
import { spkiPinOf } from '../../node_shared/hub_tls';

/**
 * Certificates for tests, made once per test process with the project's own `hub:cert` code: a centre CA
 * that the test organisation profiles trust, a hub certificate it issued for 127.0.0.1 and localhost, and
 * an "attacker" CA with a certificate for the very same names (what an interception proxy or a fake hub
 * on a hijacked address would show).
 */
export interface TestPki {
  caCertificate: string;
  pin: string;
  server: HubTlsFiles & { certFile: string; keyFile: string };
  otherCaCertificate: string;
  otherServer: HubTlsFiles & { certFile: string; keyFile: string };
}

let cached: TestPki | null = null;

function issue(dir: string, name: string): { ca: string; server: TestPki['server'] } {
  const ca = createCa(path.join(dir, name, 'ca'), `${name} test`);
  if (!ca.ok) throw new Error(ca.error);
  const server = issueServerCertificate(caFilesIn(path.join(dir, name, 'ca')), path.join(dir, name, 'hub'), {
    hosts: ['localhost'],
    ips: ['127.0.0.1'],
  });
  if (!server.ok) throw new Error(server.error);
  return {
    ca: fs.readFileSync(ca.value.certificate, 'utf8'),
    server: {
      cert: fs.readFileSync(server.value.chain),
      key: fs.readFileSync(server.value.key),
      certFile: server.value.chain,
      keyFile: server.value.key,
    },
  };
}

export function testPki(): TestPki {
  if (cached) return cached;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-test-pki-'));
  const centre = issue(dir, 'centre');
  const other = issue(dir, 'attacker');
  cached = {
    caCertificate: centre.ca,
    pin: spkiPinOf(centre.ca),
    server: centre.server,
    otherCaCertificate: other.ca,
    otherServer: other.server,
  };
  return cached;
}

/** An organisation profile trusting `hubUrls` (https ones through the test CA) and the given release keys. */
export function testProfile(hubUrls: readonly string[], publicKeys: readonly string[] = []) {
  const pki = testPki();
  return {
    format: PROFILE_FORMAT,
    organisation: 'Test organisation',
    hubs: hubUrls.map((url) => {
      const parsed = parseHubUrl(url);
      const origin = parsed.ok ? parsed.value.origin : url;
      return parsed.ok && parsed.value.protocol === 'https:'
        ? { url: origin, caCertificates: [pki.caCertificate], spkiPins: [pki.pin] }
        : { url: origin };
    }),
    updates: { publicKeys: [...publicKeys] },
  };
}

export function writeTestProfile(
  dir: string,
  hubUrls: readonly string[],
  publicKeys: readonly string[] = [],
): string {
  const file = path.join(dir, 'organisation_profile.json');
  fs.writeFileSync(file, JSON.stringify(testProfile(hubUrls, publicKeys)));
  return file;
}

/** The pinned endpoint a terminal with the test profile uses for `hubUrl`. */
export function testEndpoint(hubUrl: string): HubEndpoint {
  const profile = organisationProfileSchema.parse(testProfile([hubUrl]));
  const endpoint = trustedHubEndpoint(profile, hubUrl);
  if (!endpoint.ok) throw new Error(endpoint.error);
  return endpoint.value;
}
