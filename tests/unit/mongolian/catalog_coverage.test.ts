import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogCoverage, coverageProblems, formatCoverage } from '../../../scripts/catalog_coverage_report';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A nested catalog as dotted keys. */
function flat(catalog: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(catalog).flatMap(([key, value]) =>
      value && typeof value === 'object'
        ? Object.entries(flat(value as Record<string, unknown>, `${prefix}${key}.`))
        : [[`${prefix}${key}`, value]],
    ),
  );
}

function fixture(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coverage-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), JSON.stringify(content));
  }
  return dir;
}

const CHINESE = {
  'zh-CN/common.json': {
    home: { heading: '首页', start: '开始' },
    items_one: '{{count}} 项',
    items_other: '{{count}} 项',
  },
  'zh-CN/forms.json': { next: '下一步' },
};

describe('catalog coverage report', () => {
  it('counts covered, missing (Chinese fallback) and unreviewed keys per language and namespace', () => {
    const dir = fixture({
      ...CHINESE,
      'en/common.json': {
        home: { heading: 'Home', start: 'Start' },
        items_one: '{{count}} item',
        items_other: '{{count}} items',
      },
      'en/forms.json': { next: 'Next' },
      'mn-Mong-CN/common.json': { home: { heading: 'ᠡᠬᠢᠯᠡᠯ', start: 'ᠡᠬᠢᠯᠡᠬᠦ' } },
      'mn-Mong-CN/common.meta.json': { review: { 'home.heading': 'reviewed', 'home.start': 'Reviewed ' } },
    });
    const rows = catalogCoverage(dir);
    const mnCommon = rows.find((r) => r.language === 'mn-Mong-CN' && r.namespace === 'common');
    expect(mnCommon).toMatchObject({ total: 3, covered: 2, missing: ['items'], reviewTracked: true });
    // "Reviewed " is not the exact state word: never presented as reviewed.
    expect(mnCommon?.unreviewed).toEqual(['home.start']);
    const mnForms = rows.find((r) => r.language === 'mn-Mong-CN' && r.namespace === 'forms');
    expect(mnForms).toMatchObject({ total: 1, covered: 0, missing: ['next'], unreviewed: [] });
    const en = rows.filter((r) => r.language === 'en');
    expect(en.map((r) => [r.namespace, r.covered, r.total, r.reviewTracked])).toEqual([
      ['common', 3, 3, false],
      ['forms', 1, 1, false],
    ]);
    const text = formatCoverage(rows);
    expect(text).toContain('mn-Mong-CN: 2/4 keys covered, 2 fall back to Chinese, 1 unreviewed');
    expect(text).toContain('  forms: covered 0/1, missing 1, unreviewed 0');
    expect(text).toContain('en: 4/4 keys covered, 0 fall back to Chinese, review not tracked');
    expect(coverageProblems(rows)).toEqual([]);
  });

  it('a Mongolian string with no review entry counts as unreviewed; Cyrillic and stray keys are problems', () => {
    const dir = fixture({
      ...CHINESE,
      'mn-Mong-CN/common.json': { home: { heading: 'Нүүр' }, stray: 'ᠬᠡᠯᠡ' },
      'mn-Mong-CN/common.meta.json': { review: {} },
    });
    const rows = catalogCoverage(dir);
    const common = rows.find((r) => r.namespace === 'common');
    expect(common?.unreviewed).toEqual(['home.heading', 'stray']);
    expect(coverageProblems(rows)).toEqual([
      'mn-Mong-CN common:stray is not a Chinese key',
      'mn-Mong-CN common:home.heading is written in Cyrillic',
    ]);
  });

  it('keys that only end like a plural form (too_few, too_many) are two keys, not one plural', () => {
    const dir = fixture({
      'zh-CN/forms.json': { choice: { too_few: '太少', too_many: '太多' } },
      'mn-Mong-CN/forms.json': { choice: { too_few: 'ᠴᠥᠭᠡᠨ' } },
      'mn-Mong-CN/forms.meta.json': { review: { 'choice.too_few': 'unreviewed' } },
    });
    const [forms] = catalogCoverage(dir);
    expect(forms).toMatchObject({ total: 2, covered: 1, missing: ['choice.too_many'], unknown: [] });
  });

  it('the real catalogs: nothing Mongolian is reviewed unless its meta file says so, and the CLI passes', () => {
    const locales = path.join(ROOT, 'assets/locales');
    for (const row of catalogCoverage(locales).filter((r) => r.language === 'mn-Mong-CN')) {
      const metaFile = path.join(locales, 'mn-Mong-CN', `${row.namespace}.meta.json`);
      const review: Record<string, string> = fs.existsSync(metaFile)
        ? JSON.parse(fs.readFileSync(metaFile, 'utf8')).review
        : {};
      // every string not marked exactly "reviewed" is reported unreviewed, and no reviewed one is
      const catalogFile = path.join(locales, 'mn-Mong-CN', `${row.namespace}.json`);
      const strings = fs.existsSync(catalogFile)
        ? Object.keys(flat(JSON.parse(fs.readFileSync(catalogFile, 'utf8'))))
        : [];
      expect(row.unreviewed, row.namespace).toEqual(strings.filter((k) => review[k] !== 'reviewed').sort());
    }
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts/catalog_coverage.ts')],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(out).toMatch(/^mn-Mong-CN: \d+\/\d+ keys covered, \d+ fall back to Chinese, \d+ unreviewed$/m);
  });
});
