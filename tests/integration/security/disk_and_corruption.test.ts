import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { diskSpace } from '../../../core/diagnostics/disk_space';
import { CORRUPT_DIR } from '../../../core/storage/open_kiosk_database';
import { openKioskDataDb } from '../../support/kiosk_database';
import { STAFF_PIN, type StaffCore, startStaffCore } from '../staff/staff_support';

const MB = 1024 * 1024;
let t: StaffCore | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

/** Fills the file system of `dir` until only `leaveBytes` are free (a file of zeros, written for real). */
function fill(dir: string, name: string, leaveBytes: number): string {
  const file = path.join(dir, name);
  const fd = fs.openSync(file, 'a');
  const chunk = Buffer.alloc(256 * 1024);
  try {
    for (;;) {
      const free = diskSpace(dir).free;
      if (free <= leaveBytes) break;
      fs.writeSync(fd, chunk, 0, Math.min(chunk.length, free - leaveBytes));
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

describe('a full disk (a real 32 MB tmpfs)', () => {
  let mount: string;
  beforeAll(() => {
    mount = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-tmpfs-'));
    // Needs root (as CI and the developers' machines run): a small file system of its own, really filled.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=32m,mode=0700', 'tmpfs', mount]);
  });
  afterAll(() => {
    t?.close();
    t = null;
    execFileSync('umount', [mount]);
    fs.rmSync(mount, { recursive: true, force: true });
  });

  it('refuses new forms below the reserve with a clear reason, never `internal`, and loses nothing', async () => {
    t = startStaffCore({ storage: { reserveMb: 8 } }, { root: mount });
    const started = await t.call('forms.start_draft', { templateId: 'legal_aid_application' });
    if (!started.ok) throw new Error(`start: ${started.reason}`);
    const { draftId } = started.draft;
    expect(
      await t.call('forms.save_answer', { draftId, stepId: 'full_name', value: '张示例' }),
    ).toMatchObject({
      ok: true,
    });

    const filler = fill(mount, 'filler-1', 4 * MB);
    expect(await t.call('forms.start_draft', { templateId: 'legal_aid_application' })).toEqual({
      ok: false,
      reason: 'disk_full',
    });
    await t.call('staff.unlock', { pin: STAFF_PIN });
    expect(await t.call('staff.alerts', {})).toMatchObject({
      ok: true,
      alerts: [{ kind: 'disk_low', reserveBytes: 8 * MB }],
    });
    await t.call('staff.lock', {});

    // Now truly full: the next write that needs a new page of the WAL fails as `disk_full`, never
    // `internal`, and what was stored stays.
    const last = fill(mount, 'filler-2', 0);
    let refusal: unknown = null;
    for (let i = 0; i < 1500 && refusal === null; i++) {
      const response = await t.raw('forms.save_answer', {
        draftId,
        stepId: 'full_name',
        value: i % 2 ? '李示例' : '张示例',
      });
      if (!response.ok) refusal = response;
    }
    expect(refusal).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    fs.rmSync(last);
    fs.rmSync(filler);
    expect(await t.call('forms.get_draft', { draftId })).toMatchObject({
      ok: true,
      draft: { answers: { full_name: expect.stringMatching(/^[张李]示例$/) } },
    });
    expect(await t.call('forms.start_draft', { templateId: 'legal_aid_application' })).toMatchObject({
      ok: true,
    });
  }, 60_000);
});

describe('a database with a corrupted page', () => {
  it('is kept aside, staff are told, and the intact submissions are recovered and still to be sent', async () => {
    t = startStaffCore();
    const submitted = [await t.visitorSubmits(), await t.visitorSubmits()];
    for (let i = 0; i < 200; i++) t.core.deps.audit.record('kiosk', 'test.fill', `row-${i}`);
    const { root, configPath } = t;
    const dataDir = t.dataDir;
    t.core.close();
    // Damage one page of the audit table (the submissions' pages stay readable).
    const db = openKioskDataDb(dataDir, { readonly: true });
    const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'audit'").get() as {
      rootpage: number;
    };
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const file = path.join(dataDir, 'kiosk.sqlite');
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (rootpage - 1) * pageSize + 1000);
    fs.closeSync(fd);

    t = startStaffCore({}, { root, configPath, dataDir });
    await t.call('staff.unlock', { pin: STAFF_PIN });
    const alerts = await t.call('staff.alerts', {});
    expect(alerts).toMatchObject({ ok: true, alerts: [{ kind: 'database_recovered', recovered: 2 }] });
    const listed = await t.call('staff.list_submissions', { days: 7 });
    expect(listed.ok && listed.items.map((item) => item.uuid).sort()).toEqual([...submitted].sort());
    expect(listed.ok && listed.items.every((item) => item.state === 'waiting')).toBe(true);
    const aside = fs.readdirSync(path.join(dataDir, CORRUPT_DIR));
    expect(aside).toHaveLength(1);
    expect(fs.existsSync(path.join(dataDir, CORRUPT_DIR, aside[0]!, 'kiosk.sqlite'))).toBe(true);
  }, 60_000);
});
