import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import content from '../../../assets/content/baotou_content.json';
import directory from '../../../assets/directory/baotou_sample.json';
import feeRules from '../../../assets/fees/baotou_default.json';
import { openSqliteHubStore } from '../../../hub/storage/sqlite_hub_store';
import { bundleEntry } from '../sync/support/child_process_harness';
import { tempDir } from '../sync/support/hub_harness';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);
let publishCli = '';
beforeAll(async () => {
  publishCli = await bundleEntry(path.join(ROOT, 'hub', 'publish_cli.ts'), 'publish_cli_data');
});

/** `npm run hub:publish -- --data DIR --kind KIND FILE…` on a real hub data folder. */
async function publish(dataDir: string, kind: string, files: Record<string, unknown>) {
  const paths = Object.entries(files).map(([name, json]) => {
    const file = path.join(dataDir, name);
    fs.writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
    return file;
  });
  try {
    const { stdout, stderr } = await run(process.execPath, [
      publishCli,
      '--data',
      dataDir,
      '--kind',
      kind,
      ...paths,
    ]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** What terminals would download now: the newest published version of every (kind, id). */
async function manifest(dataDir: string): Promise<string[]> {
  const store = openSqliteHubStore(dataDir);
  try {
    return (await store.manifest()).map((item) => `${item.kind}/${item.id}@${item.version}`).sort();
  } finally {
    await store.close();
  }
}

const withVersion = <T extends object>(data: T, version: string): T => ({
  ...structuredClone(data),
  version,
});

describe('hub publishing checks directory, fee-rule and content files with the kiosk schemas', () => {
  it('publishes the shipped files, then refuses schema-invalid versions naming the field; the previous versions stay published', async () => {
    const dataDir = tempDir('hub-publish-data');
    expect((await publish(dataDir, 'fee_rules', { 'fees.json': feeRules })).code).toBe(0);
    expect((await publish(dataDir, 'directory', { 'directory.json': directory })).code).toBe(0);
    expect((await publish(dataDir, 'content', { 'content.json': content })).code).toBe(0);
    const before = await manifest(dataDir);
    expect(before).toEqual([
      `content/${content.id}@${content.version}`,
      `directory/${directory.id}@${directory.version}`,
      `fee_rules/${feeRules.id}@${feeRules.version}`,
    ]);

    // A reduction of 150 % is no rule the engine can apply.
    const fees = withVersion(feeRules, '2099-01-01.1');
    (fees.rules[2]!.reduction as { percent: number }).percent = 150;
    const badFees = await publish(dataDir, 'fee_rules', { 'fees_v2.json': fees });
    expect(badFees.code).toBe(1);
    expect(badFees.stderr).toContain('fees_v2.json: refused: not a valid fee_rules file: rules.2.reduction');

    // A rule that names a matter the table does not have.
    const unknownMatter = withVersion(feeRules, '2099-01-01.2');
    unknownMatter.rules[0]!.when.matters = ['spaceship'];
    const badMatter = await publish(dataDir, 'fee_rules', { 'fees_v3.json': unknownMatter });
    expect(badMatter.stderr).toContain('rules.0.when.matters.0: unknown matter spaceship');

    // An institution without a phone; a guide with an empty checklist; JSON that is no JSON.
    const dir = withVersion(directory, '2099-01-01');
    delete (dir.institutions[1] as { phone?: string }).phone;
    const badDir = await publish(dataDir, 'directory', { 'dir_v2.json': dir });
    expect(badDir.code).toBe(1);
    expect(badDir.stderr).toContain('not a valid directory file: institutions.1.phone');
    const lib = withVersion(content, '2099-01-01');
    lib.guide.checklist = [];
    const badLib = await publish(dataDir, 'content', { 'content_v2.json': lib });
    expect(badLib.stderr).toContain('not a valid content file: guide.checklist');
    const truncated = await publish(dataDir, 'content', {
      'cut.json': JSON.stringify(content).slice(0, 500),
    });
    expect(truncated.stderr).toContain('cut.json: refused: the file is not valid JSON');

    // One bad file in a batch publishes nothing, not even the good one next to it.
    const good = withVersion(directory, '2099-02-01');
    const batch = await publish(dataDir, 'directory', { 'good.json': good, 'bad.json': dir });
    expect(batch.code).toBe(1);
    expect(batch.stderr).toContain('bad.json: refused');

    expect(await manifest(dataDir)).toEqual(before);

    // A valid new version is published and becomes what terminals download.
    const next = withVersion(feeRules, '2099-03-01.1');
    const ok = await publish(dataDir, 'fee_rules', { 'fees_next.json': next });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`fee_rules ${feeRules.id}@2099-03-01.1: published`);
    expect(await manifest(dataDir)).toContain(`fee_rules/${feeRules.id}@2099-03-01.1`);
  }, 90_000);

  it('a file of one kind published as another is refused', async () => {
    const dataDir = tempDir('hub-publish-kind');
    const wrong = await publish(dataDir, 'fee_rules', { 'directory.json': directory });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('directory.json: refused: not a valid fee_rules file: format');
    expect(await manifest(dataDir)).toEqual([]);
  }, 60_000);
});
