import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { organisationProfileSchema } from '../../../common/trust/organisation_profile';
import { provisionFromCode } from '../../../core/config/redeem_enrollment';
import { createKioskCore } from '../../../core/kiosk_core';
import { createMemoryLogger } from '../../../node_shared/logger';
import { testPki, testProfile, writeTestProfile } from '../../support/test_pki';
import { tempDir } from '../sync/support/hub_harness';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const sample = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/config.sample.json'), 'utf8'));
const { terminalId: _t, hubUrl: _u, hubToken: _k, ...template } = sample;
const HUB_ID = '0123456789abcdef';
const TOKEN = `kh1.${HUB_ID}.${'A'.repeat(43)}`;

interface FakeHub {
  url: string;
  /** Every request that reached the server (method, path, body): after a refused handshake, none. */
  seen: string[];
  close(): Promise<void>;
}

const open: FakeHub[] = [];
afterEach(async () => {
  for (const hub of open.splice(0)) await hub.close();
});

/** A server on 127.0.0.1 answering every redemption with `status` and `body`, with the given certificate. */
async function fakeHub(status: number, body: unknown, tls = testPki().server): Promise<FakeHub> {
  const seen: string[] = [];
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push(`${req.method} ${req.url} ${text}`);
      const answer = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/html' : 'application/json' });
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hub = {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  open.push(hub);
  return hub;
}

const profileFor = (...urls: string[]) => organisationProfileSchema.parse(testProfile(urls));
const out = () => path.join(tempDir('provision'), 'kiosk.json');
const answer = (change: Record<string, unknown> = {}) => ({
  hubId: HUB_ID,
  terminalId: 'kiosk-9',
  hubToken: TOKEN,
  template: { ...template, ...change },
});

describe('attack 2: an unprovisioned terminal pointed at a hub that is not ours', () => {
  it('a fake hub answering a program template (/bin/sh -c …), keys and PIN hashes: refused, nothing written', async () => {
    const marker = path.join(tempDir('pwned'), 'pwned');
    // Even at the address of a hub of the profile, with that hub's certificate (say, the hub was taken over).
    const hub = await fakeHub(
      200,
      answer({
        video: { external: { kind: 'program', path: '/bin/sh', args: ['-c', `touch ${marker}`] } },
        updates: { publicKey: `${'A'.repeat(43)}=`, channel: 'stable' },
        technicianPinHash: `scrypt$16384$8$1$${'A'.repeat(24)}$${'A'.repeat(44)}`,
        staff: { id: 'desk', pinHash: `scrypt$16384$8$1$${'A'.repeat(24)}$${'A'.repeat(44)}` },
      }),
    );
    const file = out();
    const outcome = await provisionFromCode({
      hubUrl: hub.url,
      code: '1234-1234-1234',
      outFile: file,
      profile: profileFor(hub.url),
    });
    expect(outcome).toEqual({
      ok: false,
      error: {
        kind: 'forbidden_fields',
        fields: ['staff', 'technicianPinHash', 'updates.publicKey', 'video.external'],
      },
    });
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
    // Each forbidden field alone is refused too, named by its path.
    for (const [change, field] of [
      [
        { video: { external: { kind: 'program', path: '/bin/sh', args: ['-c', 'reboot'] } } },
        'video.external',
      ],
      [{ video: { external: { kind: 'url', url: 'https://evil.example/' } } }, 'video.external'],
      [{ video: { iceServers: [{ urls: ['turn:evil.example'] }] } }, 'video.iceServers'],
      [{ updates: { publicKey: `${'A'.repeat(43)}=` } }, 'updates.publicKey'],
      [{ hubUrl: 'https://evil.example' }, 'hubUrl'],
    ] as const) {
      const single = await fakeHub(200, answer(change));
      const refused = await provisionFromCode({
        hubUrl: single.url,
        code: '123412341234',
        outFile: file,
        profile: profileFor(single.url),
      });
      expect(refused, field).toEqual({ ok: false, error: { kind: 'forbidden_fields', fields: [field] } });
    }
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('a hub that is not in the organisation profile is never contacted', async () => {
    const hub = await fakeHub(200, answer());
    const ours = await fakeHub(200, answer());
    for (const hubUrl of [
      hub.url,
      'http://192.0.2.10:8787',
      'ftp://hub',
      'not a url',
      'https://user:pw@127.0.0.1/',
    ])
      expect(
        await provisionFromCode({
          hubUrl,
          code: '123412341234',
          outFile: out(),
          profile: profileFor(ours.url),
        }),
        hubUrl,
      ).toEqual({ ok: false, error: { kind: 'hub_not_in_profile' } });
    // No profile shipped (missing or invalid): no hub at all.
    expect(
      await provisionFromCode({ hubUrl: hub.url, code: '123412341234', outFile: out(), profile: null }),
    ).toEqual({ ok: false, error: { kind: 'hub_not_in_profile' } });
    expect(hub.seen).toEqual([]);
  });

  it('a server at the profile hub’s address with another CA’s certificate: "hub identity does not match", nothing sent', async () => {
    const impostor = await fakeHub(200, answer(), testPki().otherServer);
    const file = out();
    expect(
      await provisionFromCode({
        hubUrl: impostor.url,
        code: '123412341234',
        outFile: file,
        profile: profileFor(impostor.url),
      }),
    ).toEqual({ ok: false, error: { kind: 'hub_identity_mismatch' } });
    expect(impostor.seen).toEqual([]);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('through the terminal’s own screen (RPC): only profile hubs are offered, and the attack is refused', async () => {
    const hub = await fakeHub(
      200,
      answer({ video: { external: { kind: 'program', path: '/bin/sh', args: ['-c', 'reboot'] } } }),
    );
    const dir = tempDir('unprovisioned');
    const configPath = path.join(dir, 'kiosk-config.json');
    const core = createKioskCore({
      dataDir: path.join(dir, 'data'),
      configPath,
      profilePath: writeTestProfile(dir, [hub.url]),
      appVersion: '1.0.0',
      logger: createMemoryLogger(),
    });
    try {
      expect(await core.dispatch('system.provisioning', {})).toMatchObject({
        ok: true,
        value: { provisioned: false, enrollmentHubs: [{ url: hub.url }] },
      });
      expect(
        await core.dispatch('provisioning.redeem', { hubUrl: 'https://127.0.0.1:1', code: '123412341234' }),
      ).toEqual({
        ok: true,
        value: { ok: false, reason: 'hub_not_in_profile' },
      });
      expect(await core.dispatch('provisioning.redeem', { hubUrl: hub.url, code: '123412341234' })).toEqual({
        ok: true,
        value: { ok: false, reason: 'forbidden_fields', fields: ['video.external'] },
      });
      expect(fs.existsSync(configPath)).toBe(false);
    } finally {
      core.close();
    }
  });
});

describe('what a wrong or hostile answer from a profile hub gets', () => {
  it('names the problem and writes nothing', async () => {
    const cases: [number, unknown, unknown][] = [
      [200, '<html>captive portal</html>', { kind: 'not_a_hub' }],
      [200, { ...answer(), terminalId: '../x' }, { kind: 'not_a_hub' }],
      // A token of another hub than the one answering.
      [200, { ...answer(), hubToken: `kh1.fedcba9876543210.${'A'.repeat(43)}` }, { kind: 'not_a_hub' }],
      [
        200,
        answer({ session: { idleSeconds: 1 } }),
        { kind: 'invalid_config', field: 'session.idleSeconds', message: expect.any(String) },
      ],
      [200, answer({ evil: '$(reboot)' }), { kind: 'forbidden_fields', fields: ['evil'] }],
      [404, { error: 'unknown_code' }, { kind: 'unknown_code' }],
      [410, { error: 'code_expired' }, { kind: 'code_expired' }],
      [500, 'oops', { kind: 'not_a_hub' }],
    ];
    for (const [status, body, problem] of cases) {
      const hub = await fakeHub(status, body);
      const file = out();
      const outcome = await provisionFromCode({
        hubUrl: hub.url,
        code: '1234 1234 1234',
        outFile: file,
        profile: profileFor(hub.url),
      });
      expect(outcome).toEqual({ ok: false, error: problem });
      expect(fs.readdirSync(path.dirname(file))).toEqual([]);
    }
  });

  it('writes the allowed fields, the hub-given id and token and the address used; sends only the code', async () => {
    const hub = await fakeHub(
      200,
      answer({ platformLevel: 'township', video: { fallbackPhone: '0472-12348' } }),
    );
    const file = out();
    const outcome = await provisionFromCode({
      hubUrl: `${hub.url}/`,
      code: '1234-1234-1234',
      outFile: file,
      profile: profileFor(hub.url),
    });
    expect(outcome.ok).toBe(true);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({
      terminalId: 'kiosk-9',
      hubToken: TOKEN,
      hubUrl: hub.url,
      platformLevel: 'township',
      video: { fallbackPhone: '0472-12348' },
    });
    expect(hub.seen).toEqual(['POST /api/v1/enroll {"code":"123412341234"}']);
  });

  it('says "unreachable" when nothing answers at a profile hub', async () => {
    const outcome = await provisionFromCode({
      hubUrl: 'https://127.0.0.1:9',
      code: '123412341234',
      outFile: out(),
      profile: profileFor('https://127.0.0.1:9'),
      timeoutMs: 2000,
    });
    expect(outcome).toEqual({ ok: false, error: { kind: 'unreachable' } });
  });
});
