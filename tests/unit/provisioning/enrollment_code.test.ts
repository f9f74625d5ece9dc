import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatEnrollmentCode, normalizeEnrollmentCode } from '../../../common/provisioning/enrollment';
import { provisionFromCode } from '../../../core/config/redeem_enrollment';

const sample = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../assets/config.sample.json'), 'utf8'),
);
const { terminalId: _t, hubUrl: _u, hubToken: _k, ...template } = sample;

/** A stand-in hub answering every redemption with `status` and `body`, recording the requests. */
function fakeHub(status: number, body: unknown) {
  const seen: string[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    seen.push(`${url} ${init.body}`);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { seen, fetchImpl };
}

const out = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'provision-')), 'kiosk.json');

describe('enrollment codes', () => {
  it('accepts 12 digits typed with spaces or dashes, nothing else', () => {
    expect(normalizeEnrollmentCode('1234-5678-9012')).toBe('123456789012');
    expect(normalizeEnrollmentCode('1234 5678 9012')).toBe('123456789012');
    for (const bad of [
      '12345678901',
      '1234567890123',
      '1234-5678-901a',
      '１２３４５６７８９０１２',
      '1234\n5678\n9012',
      '',
      'x'.repeat(1_000_000),
    ])
      expect(normalizeEnrollmentCode(bad), bad.slice(0, 20)).toBeNull();
    expect(formatEnrollmentCode('123456789012')).toBe('1234-5678-9012');
  });
});

describe('provisioning from a code (terminal side)', () => {
  it('checks the hub address and the code before spending anything', async () => {
    const hub = fakeHub(200, {});
    for (const hubUrl of ['ftp://hub', 'not a url', 'http://user:pw@hub', 'http://hub/?x=1'])
      expect(
        await provisionFromCode({ hubUrl, code: '123412341234', outFile: out(), fetchImpl: hub.fetchImpl }),
      ).toEqual({
        ok: false,
        error: { kind: 'bad_hub_url' },
      });
    expect(
      await provisionFromCode({
        hubUrl: 'http://hub',
        code: '$(reboot)',
        outFile: out(),
        fetchImpl: hub.fetchImpl,
      }),
    ).toEqual({ ok: false, error: { kind: 'bad_code' } });
    expect(hub.seen).toEqual([]);
  });

  it('refuses what a hostile or wrong server sends, names the bad field and writes nothing', async () => {
    const cases: [number, unknown, unknown][] = [
      [200, '<html>captive portal</html>', { kind: 'not_a_hub' }],
      [200, { hubId: 'h', terminalId: '../x', hubToken: 't', template }, { kind: 'not_a_hub' }],
      [
        200,
        {
          hubId: 'h',
          terminalId: 'k1',
          hubToken: 't',
          template: { ...template, session: { idleSeconds: 1 } },
        },
        { kind: 'invalid_config', field: 'session.idleSeconds', message: expect.any(String) },
      ],
      [
        200,
        { hubId: 'h', terminalId: 'k1', hubToken: 't', template: { ...template, evil: '$(reboot)' } },
        { kind: 'invalid_config', field: 'evil', message: expect.any(String) },
      ],
      [404, { error: 'unknown_code' }, { kind: 'unknown_code' }],
      [410, { error: 'code_expired' }, { kind: 'code_expired' }],
      [500, 'oops', { kind: 'not_a_hub' }],
    ];
    for (const [status, body, problem] of cases) {
      const file = out();
      const hub = fakeHub(status, body);
      const outcome = await provisionFromCode({
        hubUrl: 'http://hub/',
        code: '1234 1234 1234',
        outFile: file,
        fetchImpl: hub.fetchImpl,
      });
      expect(outcome).toEqual({ ok: false, error: problem });
      expect(fs.readdirSync(path.dirname(file))).toEqual([]);
    }
  });

  it('keeps the hub-given terminal id and token even if the template tries to set them', async () => {
    const file = out();
    const hub = fakeHub(200, {
      hubId: 'h',
      terminalId: 'kiosk-9',
      hubToken: 'kh1.token',
      template: { ...template, terminalId: 'other', hubToken: 'stolen', hubUrl: 'http://evil.example' },
    });
    const outcome = await provisionFromCode({
      hubUrl: 'http://hub:8787/',
      code: '1234-1234-1234',
      outFile: file,
      fetchImpl: hub.fetchImpl,
    });
    expect(outcome.ok).toBe(true);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({
      terminalId: 'kiosk-9',
      hubToken: 'kh1.token',
      hubUrl: 'http://hub:8787',
    });
    expect(hub.seen).toEqual(['http://hub:8787/api/v1/enroll {"code":"123412341234"}']);
  });

  it('says "unreachable" when nothing answers', async () => {
    const outcome = await provisionFromCode({
      hubUrl: 'http://127.0.0.1:9',
      code: '123412341234',
      outFile: out(),
      timeoutMs: 2000,
    });
    expect(outcome).toEqual({ ok: false, error: { kind: 'unreachable' } });
  });
});
