import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER_APP_VERSION } from '../../../common/sync/protocol';
import { parseConfig } from '../../../core/config/load_config';
import { createKioskCore } from '../../../core/kiosk_core';
import { createCode } from '../../../hub/enrollment/enrollment_codes';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { issueToken } from '../../../hub/tokens';
import { createMemoryLogger } from '../../../node_shared/logger';
import { testPki, writeTestProfile } from '../../support/test_pki';
import { bundleEntry } from '../sync/support/child_process_harness';
import { tempDir } from '../sync/support/hub_harness';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);
const bundles: Record<string, string> = {};
let dataDir: string;
let work: string;
let templateFile: string;
let hub: ChildProcess;
let hubUrl: string;
/** The organisation profile of the terminals: it names this hub and pins its CA. */
let profile: string;
let hubLog = '';
const issuedCodes: string[] = [];

async function cli(bundle: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bundles[bundle]!, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** One HTTPS request from a chosen loopback address (each test group its own, so guess limits stay apart). */
function request(
  from: string,
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; json: Record<string, unknown> }> {
  const url = new URL(pathname, hubUrl);
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        ca: testPki().caCertificate,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: options.method ?? 'POST',
        localAddress: from,
        headers: options.headers ?? { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, headers: res.headers, json: text ? JSON.parse(text) : {} });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const redeem = (from: string, code: unknown) =>
  request(from, '/api/v1/enroll', { body: JSON.stringify({ code }) });

async function newCode(terminal: string, extra: string[] = []): Promise<string> {
  const made = await cli('code', [
    '--data',
    dataDir,
    '--terminal',
    terminal,
    '--template',
    templateFile,
    ...extra,
  ]);
  expect(made.code, made.stderr).toBe(0);
  const code = made.stdout.trim();
  issuedCodes.push(code);
  return code;
}

function storedCodes(): number {
  const db = new Database(path.join(dataDir, 'hub.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM enrollment_codes').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  bundles.hub = await bundleEntry(path.join(ROOT, 'hub/main.ts'), 'enroll-hub');
  bundles.code = await bundleEntry(path.join(ROOT, 'hub/enroll_code_cli.ts'), 'enroll-code');
  bundles.provision = await bundleEntry(path.join(ROOT, 'scripts/provision.ts'), 'provision');
  dataDir = tempDir('enroll-hub');
  work = tempDir('enroll-kiosk');
  const {
    terminalId: _t,
    hubUrl: _u,
    hubToken: _k,
    ...template
  } = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/config.sample.json'), 'utf8'));
  templateFile = path.join(work, 'template.json');
  fs.writeFileSync(templateFile, JSON.stringify({ ...template, platformLevel: 'township' }));
  const { certFile, keyFile } = testPki().server;
  hub = spawn(
    process.execPath,
    [bundles.hub, '--port', '0', '--data', dataDir, '--cert', certFile, '--key', keyFile],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  hub.stderr!.on('data', (chunk: Buffer) => {
    hubLog += chunk.toString();
  });
  hubUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('hub did not start')), 30_000);
    hub.stdout!.on('data', (chunk: Buffer) => {
      hubLog += chunk.toString();
      const ready = /"url":"([^"]+)"/.exec(hubLog);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    });
  });
  profile = writeTestProfile(work, [hubUrl]);
}, 60_000);

afterAll(async () => {
  if (hub && hub.exitCode === null) {
    const exited = new Promise((resolve) => hub.once('exit', resolve));
    hub.kill('SIGTERM');
    await exited;
  }
});

describe('hub-issued enrollment codes (real hub process, real data dir)', () => {
  it('refuses a bad template or terminal id at creation, naming the field, and stores nothing', async () => {
    const bad = path.join(work, 'bad.json');
    const cases: [unknown, string[], RegExp][] = [
      [
        { ...JSON.parse(fs.readFileSync(templateFile, 'utf8')), session: { idleSeconds: 5 } },
        [],
        /template\.session\.idleSeconds/,
      ],
      [{ ...JSON.parse(fs.readFileSync(templateFile, 'utf8')), hubToken: 'x' }, [], /template\.hubToken/],
      // What an enrollment may never set: PIN hashes, programs, external services' addresses.
      [
        { ...JSON.parse(fs.readFileSync(templateFile, 'utf8')), technicianPinHash: 'scrypt$16384$8$1$x$y' },
        [],
        /template\.technicianPinHash/,
      ],
      [
        {
          ...JSON.parse(fs.readFileSync(templateFile, 'utf8')),
          video: { external: { kind: 'program', path: '/bin/sh', args: ['-c', 'reboot'] } },
        },
        [],
        /template\.video\.external/,
      ],
      [
        { ...JSON.parse(fs.readFileSync(templateFile, 'utf8')), platformLevel: 'planet' },
        [],
        /template\.platformLevel/,
      ],
      [JSON.parse(fs.readFileSync(templateFile, 'utf8')), ['--hours', '1000'], /--hours/],
    ];
    for (const [template, extra, field] of cases) {
      fs.writeFileSync(bad, JSON.stringify(template));
      const made = await cli('code', [
        '--data',
        dataDir,
        '--terminal',
        'kiosk-a',
        '--template',
        bad,
        ...extra,
      ]);
      expect(made.code).toBe(2);
      expect(made.stderr).toMatch(field);
      expect(made.stdout).toBe('');
    }
    const badId = await cli('code', [
      '--data',
      dataDir,
      '--terminal',
      '$(reboot)',
      '--template',
      templateFile,
    ]);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toMatch(/--terminal/);
    fs.writeFileSync(bad, '{"centre": ');
    expect(
      (await cli('code', ['--data', dataDir, '--terminal', 'kiosk-a', '--template', bad])).stderr,
    ).toMatch(/not valid JSON/);
    expect(storedCodes()).toBe(0);
  });

  it('creates a 12-digit code shown once and stored only as a hash; the terminal provisions itself and starts', async () => {
    const code = await newCode('kiosk-north-7');
    expect(code).toMatch(/^\d{4}-\d{4}-\d{4}$/);
    const digits = code.replace(/-/g, '');
    for (const file of fs.readdirSync(dataDir).filter((f) => fs.statSync(path.join(dataDir, f)).isFile()))
      expect(fs.readFileSync(path.join(dataDir, file)).includes(digits), file).toBe(false);

    const out = path.join(work, 'kiosk-north-7.json');
    // Typed with spaces, as read off a sheet of paper.
    const provisioned = await cli('provision', [
      '--hub',
      hubUrl,
      '--code',
      code.replace(/-/g, ' '),
      '--out',
      out,
      '--profile',
      profile,
    ]);
    expect(provisioned.code, provisioned.stderr).toBe(0);
    expect(provisioned.stdout).toContain('Terminal kiosk-north-7');
    expect(provisioned.stdout + provisioned.stderr).not.toContain(digits);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const config = parseConfig(fs.readFileSync(out, 'utf8'));
    if (!config.ok) throw new Error(config.error.field);
    expect(config.value).toMatchObject({
      terminalId: 'kiosk-north-7',
      hubUrl,
      platformLevel: 'township',
      centre: { id: 'baotou-city-centre' },
    });
    expect(fs.readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // The token works at the hub as this terminal's token.
    const manifest = await request('127.0.0.1', '/api/v1/manifest', {
      method: 'GET',
      headers: { authorization: `Bearer ${config.value.hubToken}`, [HEADER_APP_VERSION]: '9.9.9' },
    });
    expect(manifest.status).toBe(200);

    // And the file starts the kiosk core as a provisioned terminal.
    const core = createKioskCore({
      dataDir: path.join(work, 'core-data'),
      configPath: out,
      profilePath: profile,
      appVersion: '1.0.0',
      logger: createMemoryLogger(),
    });
    try {
      const answer = await core.dispatch('system.provisioning', {});
      expect(answer).toMatchObject({ ok: true, value: { provisioned: true } });
    } finally {
      core.close();
    }
  });

  it('redeems a code once: the second time is 410, also through the provision command', async () => {
    const code = await newCode('kiosk-twice');
    expect(await redeem('127.0.0.2', code)).toMatchObject({
      status: 200,
      json: { terminalId: 'kiosk-twice' },
    });
    const again = await redeem('127.0.0.2', code);
    expect(again).toMatchObject({ status: 410, json: { error: 'code_used' } });
    expect(JSON.stringify(again.json)).not.toContain('hubToken');
    const out = path.join(work, 'twice.json');
    const second = await cli('provision', [
      '--hub',
      hubUrl,
      '--code',
      code,
      '--out',
      out,
      '--profile',
      profile,
    ]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('already used');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses an expired code (410) and an unknown one (404), and never overwrites a file without --force', async () => {
    const store = openSqliteHubStore(dataDir);
    const old = await createCode(store, {
      terminalId: 'kiosk-late',
      centre: 'baotou-city-centre',
      template: JSON.parse(fs.readFileSync(templateFile, 'utf8')),
      now: new Date(Date.now() - 25 * 3600 * 1000),
      hours: 24,
    });
    await store.close();
    issuedCodes.push(old.code);
    expect(await redeem('127.0.0.3', old.code)).toMatchObject({
      status: 410,
      json: { error: 'code_expired' },
    });
    const unknown = old.code === '000000000000' ? '000000000001' : '000000000000';
    expect(await redeem('127.0.0.3', unknown)).toMatchObject({
      status: 404,
      json: { error: 'unknown_code' },
    });

    const out = path.join(work, 'existing.json');
    fs.writeFileSync(out, 'keep me');
    const code = await newCode('kiosk-existing');
    const refused = await cli('provision', [
      '--hub',
      hubUrl,
      '--code',
      code,
      '--out',
      out,
      '--profile',
      profile,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
    // The code was not spent by the refusal.
    const replaced = await cli('provision', [
      '--hub',
      hubUrl,
      '--code',
      code,
      '--out',
      out,
      '--force',
      '--profile',
      profile,
    ]);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).terminalId).toBe('kiosk-existing');
  });

  it('answers malformed and hostile bodies with a clear status and issues nothing', async () => {
    const from = '127.0.0.4';
    const tokensBefore = await countTokens();
    const json = { 'content-type': 'application/json' };
    const cases: [Parameters<typeof request>[2], number, string][] = [
      [{ headers: {}, body: '{"code":"123412341234"}' }, 415, 'unsupported_media_type'],
      [{ headers: { 'content-type': 'text/plain' }, body: 'code=1' }, 415, 'unsupported_media_type'],
      [{ headers: json, body: '{"code": ' }, 400, 'malformed_json'],
      [{ headers: json, body: Buffer.alloc(1024 * 1024, 0x41) }, 413, 'too_large'],
      [{ headers: json, body: '{"__proto__":{"code":"123412341234"}}' }, 422, 'invalid_request'],
      [{ headers: json, body: '{"code":"$(reboot)"}' }, 422, 'invalid_code'],
      [{ headers: json, body: '{"code":123412341234}' }, 422, 'invalid_code'],
      [{ headers: json, body: '{"code":"1234\\n5678\\n9012"}' }, 422, 'invalid_code'],
      [{ headers: json, body: '{"code":"123412341234","terminalId":"x"}' }, 422, 'invalid_code'],
    ];
    for (const [options, status, error] of cases) {
      const answer = await request(from, '/api/v1/enroll', options);
      expect(answer.status, error).toBe(status);
      expect(answer.json.error).toBe(error);
    }
    expect((await request(from, '/api/v1/enroll', { method: 'GET', headers: {} })).status).toBe(405);
    expect(await countTokens()).toBe(tokensBefore);
  });

  it('lets an administrator create a code over HTTP with the admin token only', async () => {
    const store = openSqliteHubStore(dataDir);
    const admin = (await issueToken(store, { role: 'admin', centres: null }, new Date())).token;
    const terminal = (
      await issueToken(store, { role: 'terminal', terminalId: 'k-x', centre: null }, new Date())
    ).token;
    await store.close();
    const template = JSON.parse(fs.readFileSync(templateFile, 'utf8'));
    const create = (token: string | null, body: unknown) =>
      request('127.0.0.5', '/api/v1/enrollment-codes', {
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    expect((await create(null, { terminalId: 'k-web', template })).status).toBe(401);
    expect((await create(terminal, { terminalId: 'k-web', template })).status).toBe(403);
    const invalid = await create(admin, { terminalId: 'k-web', template: { ...template, languages: [] } });
    expect(invalid).toMatchObject({ status: 422, json: { field: 'template.languages' } });
    const made = await create(admin, { terminalId: 'k-web', template, hours: 2 });
    expect(made.status).toBe(201);
    expect(made.json.code).toMatch(/^\d{4}-\d{4}-\d{4}$/);
    issuedCodes.push(made.json.code as string);
    const expires = Date.parse(made.json.expiresAt as string) - Date.now();
    expect(expires).toBeGreaterThan(1.9 * 3600 * 1000);
    expect(expires).toBeLessThanOrEqual(2 * 3600 * 1000);
    expect(await redeem('127.0.0.5', made.json.code)).toMatchObject({
      status: 200,
      json: { terminalId: 'k-web' },
    });
  });

  it('never locks a right code out because of guesses from the same address (a centre NAT, the TLS proxy)', async () => {
    const code = (await newCode('kiosk-guarded')).replace(/-/g, '');
    // Issue 21: 10 wrong codes from an address used to block the right one typed there.
    for (let i = 0; i < 20; i++) {
      const group = code.startsWith('55') ? '44' : '55';
      const guess = `${group}${String(i).padStart(2, '0')}55550000`;
      expect((await redeem('127.0.0.6', guess)).status).toBe(404);
    }
    expect(await redeem('127.0.0.6', code)).toMatchObject({
      status: 200,
      json: { terminalId: 'kiosk-guarded' },
    });
  });

  it('limits guesses per code: after 10 wrong tries at one code (its first four digits) every address gets 429', async () => {
    const code = (await newCode('kiosk-targeted')).replace(/-/g, '');
    const wrong = (i: number) =>
      `${code.slice(0, 4)}${String((Number(code.slice(4)) + i + 1) % 1e8).padStart(8, '0')}`;
    for (let i = 0; i < 10; i++) expect((await redeem('127.0.0.9', wrong(i))).status).toBe(404);
    const limited = await redeem('127.0.0.10', wrong(10));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(60);
    // The code was not spent: it still waits for its terminal.
    const db = new Database(path.join(dataDir, 'hub.sqlite'), { readonly: true });
    try {
      expect(
        db.prepare("SELECT redeemed_at FROM enrollment_codes WHERE terminal_id = 'kiosk-targeted'").get(),
      ).toEqual({ redeemed_at: null });
    } finally {
      db.close();
    }
  });

  it('counts parallel guesses before hashing: 30 at once at one code, at most 10 are looked at', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => redeem('127.0.0.8', `66666666${String(i).padStart(4, '0')}`)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
    expect(statuses.every((s) => s === 404 || s === 429)).toBe(true);
  });

  it('never writes a code into the hub log', () => {
    expect(hubLog).toContain('hub.enrollment_redeemed');
    for (const code of issuedCodes) {
      expect(hubLog).not.toContain(code);
      expect(hubLog).not.toContain(code.replace(/-/g, ''));
    }
  });
});

async function countTokens(): Promise<number> {
  const store = openSqliteHubStore(dataDir);
  try {
    return (await store.listTokens()).length;
  } finally {
    await store.close();
  }
}
