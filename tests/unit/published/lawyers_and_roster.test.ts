import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishedOptionProvider } from '../../../core/forms/option_sources';
import { DUTY_ROSTER_KIND, LAWYERS_KIND } from '../../../core/published/published_kinds';
import { installPublished, loadPublished } from '../../../core/published/published_store';
import { type KioskDatabase, openDatabase } from '../../../core/storage/database';
import { prepareItem } from '../../../hub/publish';
import { createMemoryLogger } from '../../../node_shared/logger';
import { dutyRoster, lawyerList } from '../../fixtures/published/lawyers_and_roster';
import { TEST_KEY } from '../../support/kiosk_database';

const logger = createMemoryLogger();
const at = new Date('2026-12-06T10:00:00Z');
let dir: string;
let db: KioskDatabase;

function bytes(body: unknown): Buffer {
  return Buffer.from(JSON.stringify(body));
}

function installed(body: unknown, version: string) {
  const buffer = bytes(body);
  return installPublished(
    db,
    LAWYERS_KIND,
    { version, sha256: createHash('sha256').update(buffer).digest('hex'), body: buffer },
    at,
  );
}

function withLawyer(patch: Record<string, unknown>) {
  const list = lawyerList();
  return { ...list, lawyers: [{ ...list.lawyers[0]!, ...patch }] };
}

function withPerson(patch: Record<string, unknown>) {
  const roster = dutyRoster('kundulun');
  return { ...roster, people: [{ ...roster.people[0]!, ...patch }] };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-lawyers-'));
  const opened = openDatabase(path.join(dir, 'kiosk.sqlite'), TEST_KEY);
  if (!opened.ok) throw new Error('db');
  db = opened.value;
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('published lawyers and duty roster: the hub refuses hostile files, naming the field', () => {
  const hostileLawyers: [string, unknown, string][] = [
    ['a number as the name', withLawyer({ name: 42 }), 'lawyers.0.name'],
    [
      'a 1 MB firm name',
      withLawyer({ firm: { 'zh-CN': 'x'.repeat(1 << 20), en: 'x' } }),
      'lawyers.0.firm.zh-CN',
    ],
    ['a shell command as the id', withLawyer({ id: '$(rm -rf /)' }), 'lawyers.0.id'],
    ['negative years of practice', withLawyer({ yearsOfPractice: -3 }), 'lawyers.0.yearsOfPractice'],
    ['an unknown language', withLawyer({ languages: ['klingon'] }), 'lawyers.0.languages.0'],
    ['no areas', withLawyer({ areas: [] }), 'lawyers.0.areas'],
    ['a string for acceptsLegalAid', withLawyer({ acceptsLegalAid: 'yes' }), 'lawyers.0.acceptsLegalAid'],
    ['an extra field (a phone number)', withLawyer({ phone: '13800000000' }), 'lawyers.0'],
    ['no sample flag', { ...lawyerList(), sample: undefined }, 'sample'],
    [
      'the same lawyer twice',
      { ...lawyerList(), lawyers: [lawyerList().lawyers[0], lawyerList().lawyers[0]] },
      'lawyers.1.id',
    ],
  ];
  for (const [what, body, field] of hostileLawyers)
    it(`lawyers: ${what}`, () => {
      const result = prepareItem({ kind: 'lawyers', body: bytes(body) });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain(`not a valid lawyers file: ${field}:`);
    });

  const hostileRosters: [string, unknown, string][] = [
    ['a kind nobody can be called as', withPerson({ kind: 'plumber' }), 'people.0.kind'],
    ['a quote and newline in the centre', withPerson({ centre: "x'\n; DROP" }), 'people.0.centre'],
    [
      'a time past midnight',
      withPerson({ weekly: [{ day: 1, from: '09:00', to: '25:00' }] }),
      'people.0.weekly.0.to',
    ],
    [
      'a weekday 8',
      withPerson({ weekly: [{ day: 8, from: '09:00', to: '10:00' }] }),
      'people.0.weekly.0.day',
    ],
    ['a 1 MB name', withPerson({ name: 'x'.repeat(1 << 20) }), 'people.0.name'],
    ['a wrong format', { ...dutyRoster('kundulun'), format: 'kiosk.directory' }, 'format'],
  ];
  for (const [what, body, field] of hostileRosters)
    it(`duty_roster: ${what}`, () => {
      const result = prepareItem({ kind: 'duty_roster', body: bytes(body) });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain(`not a valid duty_roster file: ${field}:`);
    });

  it('accepts the valid files, named by their own id and version', () => {
    expect(prepareItem({ kind: 'lawyers', body: bytes(lawyerList()) })).toMatchObject({
      ok: true,
      value: { kind: 'lawyers', id: 'baotou', version: '2026-12-01' },
    });
    expect(prepareItem({ kind: 'duty_roster', body: bytes(dutyRoster('kundulun')) }).ok).toBe(true);
  });
});

describe('the kiosk with and without a published lawyer list', () => {
  it('offers no lawyer at all until the centre publishes its list: no invented names', () => {
    const options = publishedOptionProvider(db, logger)('published_lawyers');
    expect(options).toEqual({ options: [], sample: false });
    expect(loadPublished(db, DUTY_ROSTER_KIND, logger).value.people).toEqual([]);
  });

  it('offers the published lawyers who take legal-aid cases, with firm and years of practice', () => {
    expect(installed(lawyerList(), 'v1').ok).toBe(true);
    const { options, sample } = publishedOptionProvider(db, logger)('published_lawyers');
    expect(sample).toBe(false);
    expect(options.map((o) => o.label['zh-CN'])).toEqual([
      '王芳（包头测试律师事务所，执业8年）',
      '巴特尔（昆都仑测试律师事务所，执业12年）',
    ]);
    expect(options.map((o) => o.value)).toEqual(['lawyer_wang_fang', 'lawyer_bater']);
  });

  it('labels every name of a demo list as sample data', () => {
    installed(lawyerList({ sample: true }), 'demo');
    const { options, sample } = publishedOptionProvider(db, logger)('published_lawyers');
    expect(sample).toBe(true);
    for (const option of options) {
      expect(option.label['zh-CN']).toContain('示例数据');
      expect(option.label.en).toContain('sample data');
    }
  });

  it('refuses a hostile download and keeps the list it had', () => {
    installed(lawyerList(), 'v1');
    const refused = installed(withLawyer({ yearsOfPractice: '$(id)' }), 'v2');
    expect(refused).toEqual({
      ok: false,
      error: expect.objectContaining({ reason: 'invalid', field: 'lawyers.0.yearsOfPractice' }),
    });
    expect(loadPublished(db, LAWYERS_KIND, logger)).toMatchObject({ version: 'v1', source: 'published' });
  });
});
