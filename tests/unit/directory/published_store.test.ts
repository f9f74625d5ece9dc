import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import sample from '../../../assets/directory/baotou_sample.json';
import { CONTENT_KIND, DIRECTORY_KIND, FEE_RULES_KIND } from '../../../core/published/published_kinds';
import { installPublished, loadPublished, type PublishedItem } from '../../../core/published/published_store';
import { type KioskDatabase, openDatabase } from '../../../core/storage/database';
import { AssetStore } from '../../../core/sync/asset_store';
import { createMemoryLogger } from '../../../node_shared/logger';
import { TEST_KEY } from '../../support/kiosk_database';

let dir: string;
let db: KioskDatabase;
const logger = createMemoryLogger();
const at = new Date('2026-11-28T10:00:00Z');

function item(body: unknown, version: string): PublishedItem {
  const buffer = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return { version, sha256: createHash('sha256').update(buffer).digest('hex'), body: buffer };
}

function published(version: string, name: string) {
  return {
    ...sample,
    version,
    sample: false,
    institutions: [{ ...sample.institutions[0]!, name: { 'zh-CN': name, en: name } }],
  };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-directory-'));
  const opened = openDatabase(path.join(dir, 'kiosk.sqlite'), TEST_KEY);
  if (!opened.ok) throw new Error('db');
  db = opened.value;
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('published directory data', () => {
  it('uses the bundled sample until the hub publishes, for every kind', () => {
    const loaded = loadPublished(db, DIRECTORY_KIND, logger);
    expect(loaded.source).toBe('bundled');
    expect(loaded.value.sample).toBe(true);
    expect(loadPublished(db, FEE_RULES_KIND, logger).value.id).toBe('baotou');
    expect(loadPublished(db, CONTENT_KIND, logger).value.articles.length).toBeGreaterThan(0);
  });

  it('installs a valid version and uses it; the next install keeps it as previous', () => {
    expect(installPublished(db, DIRECTORY_KIND, item(published('v1', '甲'), 'v1'), at).ok).toBe(true);
    expect(loadPublished(db, DIRECTORY_KIND, logger)).toMatchObject({ source: 'published', version: 'v1' });
    expect(installPublished(db, DIRECTORY_KIND, item(published('v2', '乙'), 'v2'), at).ok).toBe(true);
    const loaded = loadPublished(db, DIRECTORY_KIND, logger);
    expect(loaded.version).toBe('v2');
    expect(loaded.value.institutions[0]!.name['zh-CN']).toBe('乙');
    const states = db
      .prepare("SELECT version, state FROM assets WHERE kind = 'directory' ORDER BY version")
      .all();
    expect(states).toEqual([
      { version: 'v1', state: 'previous' },
      { version: 'v2', state: 'active' },
    ]);
  });

  const refusals: [string, PublishedItem, string][] = [
    [
      'a truncated (corrupted) file',
      item(JSON.stringify(published('v2', '乙')).slice(0, 500), 'v2'),
      'bad_json',
    ],
    [
      'a file whose hash does not match',
      { ...item(published('v2', '乙'), 'v2'), sha256: 'a'.repeat(64) },
      'hash_mismatch',
    ],
    [
      'an institution without a phone',
      item(
        { ...published('v2', '乙'), institutions: [{ ...sample.institutions[0]!, phone: undefined }] },
        'v2',
      ),
      'invalid',
    ],
    [
      'an unknown district',
      item(
        { ...published('v2', '乙'), institutions: [{ ...sample.institutions[0]!, district: 'atlantis' }] },
        'v2',
      ),
      'invalid',
    ],
    [
      'a phone with shell text',
      item(
        { ...published('v2', '乙'), institutions: [{ ...sample.institutions[0]!, phone: '$(reboot)' }] },
        'v2',
      ),
      'invalid',
    ],
    [
      'a prototype-polluting key',
      item(`{"__proto__":{"x":1},${JSON.stringify(published('v2', '乙')).slice(1)}`, 'v2'),
      'invalid',
    ],
    ['a JSON array', item([], 'v2'), 'invalid'],
  ];

  it.each(refusals)('refuses %s and keeps the version in use', (_name, bad, reason) => {
    installPublished(db, DIRECTORY_KIND, item(published('v1', '甲'), 'v1'), at);
    const result = installPublished(db, DIRECTORY_KIND, bad, at);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toBe(reason);
    const loaded = loadPublished(db, DIRECTORY_KIND, logger);
    expect(loaded).toMatchObject({ source: 'published', version: 'v1' });
    expect(loaded.value.institutions[0]!.name['zh-CN']).toBe('甲');
    expect(db.prepare("SELECT count(*) AS n FROM assets WHERE kind = 'directory'").get()).toEqual({ n: 1 });
  });

  it('a stored version corrupted on disk after install is skipped: the previous version stays in use', () => {
    installPublished(db, DIRECTORY_KIND, item(published('v1', '甲'), 'v1'), at);
    installPublished(db, DIRECTORY_KIND, item(published('v2', '乙'), 'v2'), at);
    db.prepare("UPDATE assets SET body = ? WHERE kind = 'directory' AND version = 'v2'").run(
      Buffer.from('{"format":'),
    );
    const loaded = loadPublished(db, DIRECTORY_KIND, logger);
    expect(loaded).toMatchObject({ source: 'previous', version: 'v1' });
    expect(loaded.value.institutions[0]!.name['zh-CN']).toBe('甲');
    expect(logger.lines.some((line) => line.includes('published.refused'))).toBe(true);
  });

  it('a schema-invalid version switched in by the sync downlink is not used: the previous one stays', () => {
    const downlink = new AssetStore(db);
    const stageAndSwitch = (body: PublishedItem) => {
      const manifestItem = {
        kind: 'directory' as const,
        id: 'baotou',
        version: body.version,
        sha256: body.sha256,
        size: body.body.length,
      };
      downlink.putStaged(manifestItem, body.body, at);
      downlink.switchTo([manifestItem], at);
    };
    stageAndSwitch(item(published('v1', '甲'), 'v1'));
    expect(loadPublished(db, DIRECTORY_KIND, logger)).toMatchObject({ source: 'published', version: 'v1' });
    stageAndSwitch(
      item(
        { ...published('v2', '乙'), institutions: [{ ...sample.institutions[0]!, kind: 'casino' }] },
        'v2',
      ),
    );
    const loaded = loadPublished(db, DIRECTORY_KIND, logger);
    expect(loaded).toMatchObject({ source: 'previous', version: 'v1' });
    expect(loaded.value.institutions[0]!.name['zh-CN']).toBe('甲');
  });

  it('falls back to the bundled sample when both stored versions are broken', () => {
    installPublished(db, DIRECTORY_KIND, item(published('v1', '甲'), 'v1'), at);
    db.prepare("UPDATE assets SET sha256 = ? WHERE kind = 'directory'").run('0'.repeat(64));
    expect(loadPublished(db, DIRECTORY_KIND, logger).source).toBe('bundled');
  });

  it('re-installing the version in use changes nothing', () => {
    installPublished(db, DIRECTORY_KIND, item(published('v1', '甲'), 'v1'), at);
    expect(installPublished(db, DIRECTORY_KIND, item(published('v1', '甲'), 'v1'), at).ok).toBe(true);
    expect(db.prepare("SELECT state FROM assets WHERE kind = 'directory'").all()).toEqual([
      { state: 'active' },
    ]);
  });
});
