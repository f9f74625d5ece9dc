import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry } from '../sync/support/child_process_harness';
import { fixtureTemplate } from '../sync/support/fixture_template';
import { rawRequest } from '../sync/support/http_request';
import { tempDir } from '../sync/support/hub_harness';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);
const CLIS = ['main.ts', 'enroll_cli.ts', 'token_cli.ts', 'publish_cli.ts'];
/** The hub's entry points, bundled once (tsx would compile them again for every call). */
const bundles = new Map<string, string>();
beforeAll(async () => {
  for (const script of CLIS)
    bundles.set(script, await bundleEntry(path.join(ROOT, 'hub', script), script.replace('.ts', '')));
});

/** Runs one hub CLI like `npm run hub:… -- args` does; resolves with its exit code and output. */
async function cli(
  script: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bundles.get(script)!, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function startHub(dataDir: string) {
  const child = spawn(process.execPath, [bundles.get('main.ts')!, '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('hub did not start')), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n') && /ready at/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const ready = JSON.parse(out.split('\n')[0]!) as { event: string; url: string; hubId: string };
  return { child, exited, ready, out };
}

describe('hub command line', () => {
  it('enrolls a terminal with a token shown once and stored only as a hash; revokes it', async () => {
    const dataDir = tempDir('hub-cli');
    const enrolled = await cli('enroll_cli.ts', [
      '--data',
      dataDir,
      '--terminal',
      'kiosk-7',
      '--centre',
      'centre-a',
    ]);
    expect(enrolled.code).toBe(0);
    const token = enrolled.stdout.trim();
    expect(token).toMatch(/^kh1\.[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
    const secret = token.split('.')[2]!;
    for (const file of fs.readdirSync(dataDir)) {
      expect(fs.readFileSync(path.join(dataDir, file)).includes(secret), file).toBe(false);
    }
    const listed = await cli('token_cli.ts', ['--data', dataDir, '--list']);
    expect(listed.stdout).toMatch(/terminal\tkiosk-7\tlive/);
    expect(listed.stdout).not.toContain(secret);

    const hub = await startHub(dataDir);
    try {
      expect(hub.out).toContain(`Hub ${hub.ready.hubId} ready at ${hub.ready.url}`);
      expect(token.split('.')[1]).toBe(hub.ready.hubId);
      const ask = (bearer: string) =>
        rawRequest(hub.ready.url, {
          method: 'GET',
          path: '/api/v1/manifest',
          headers: { authorization: `Bearer ${bearer}`, 'x-kiosk-app-version': '0.1.0' },
        });
      expect((await ask(token)).status).toBe(200);
      const again = await cli('enroll_cli.ts', ['--data', dataDir, '--terminal', 'kiosk-7']);
      expect((await ask(token)).status).toBe(401);
      expect((await ask(again.stdout.trim())).status).toBe(200);
      await cli('enroll_cli.ts', ['--data', dataDir, '--terminal', 'kiosk-7', '--revoke']);
      expect((await ask(again.stdout.trim())).status).toBe(401);
      const staff = await cli('token_cli.ts', ['--data', dataDir, '--role', 'staff']);
      const list = await rawRequest(hub.ready.url, {
        method: 'GET',
        path: '/api/v1/submissions',
        headers: { authorization: `Bearer ${staff.stdout.trim()}` },
      });
      expect(list.status).toBe(200);
    } finally {
      hub.child.kill('SIGTERM');
    }
    expect(await hub.exited).toBe(0);
  }, 90_000);

  it('publishes valid templates and refuses a bad one with the reason, publishing nothing', async () => {
    const dataDir = tempDir('hub-publish');
    const good = path.join(dataDir, 'good.json');
    fs.writeFileSync(good, JSON.stringify(fixtureTemplate('2.0.0')));
    const bad = path.join(dataDir, 'bad.json');
    const broken = fixtureTemplate('2.1.0') as { sections: { steps: { field: { type: string } }[] }[] };
    broken.sections[0]!.steps[0]!.field.type = 'telepathy';
    fs.writeFileSync(bad, JSON.stringify(broken));

    const refused = await cli('publish_cli.ts', ['--data', dataDir, good, bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('bad.json: refused');
    expect(refused.stderr).toContain('topic');
    const published = await cli('publish_cli.ts', ['--data', dataDir, good]);
    expect(published.code).toBe(0);
    expect(published.stdout).toContain('template sync_fixture_form@2.0.0: published');
    // The same version with other content is refused: published versions are immutable.
    const changed = fixtureTemplate('2.0.0') as { title: { en: string } };
    changed.title.en = 'Changed title';
    fs.writeFileSync(good, JSON.stringify(changed));
    const immutable = await cli('publish_cli.ts', ['--data', dataDir, good]);
    expect(immutable.code).toBe(1);
    expect(immutable.stderr).toContain('already published with other content');
    const usage = await cli('publish_cli.ts', ['--data', dataDir, '--kind', 'spaceship', good]);
    expect(usage.code).toBe(2);
  }, 90_000);
});
