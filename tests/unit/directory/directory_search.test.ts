import { describe, expect, it } from 'vitest';
import sample from '../../../assets/directory/baotou_sample.json';
import { directoryDatasetSchema } from '../../../common/directory/directory_schema';
import { buildDirectoryIndex, searchDirectory } from '../../../common/directory/directory_search';
import { spellInstitutions } from '../../../common/directory/name_spelling';

const dataset = directoryDatasetSchema.parse(sample);
/** The index as the kiosk builds it, from the spellings the core sends with the dataset. */
const indexed = (institutions: typeof dataset.institutions, own: string | null) =>
  buildDirectoryIndex(institutions, own, spellInstitutions(institutions));
const index = indexed(dataset.institutions, 'baotou-city-centre');
const names = (text: string, extra: Parameters<typeof searchDirectory>[1] = {}) =>
  searchDirectory(index, { text, ...extra }).map((institution) => institution.name['zh-CN']);

describe('the shipped directory is a clearly labelled sample', () => {
  it('is marked sample, and every name and address says 样例数据', () => {
    expect(dataset.sample).toBe(true);
    for (const institution of dataset.institutions) {
      expect(institution.name['zh-CN']).toContain('样例数据');
      expect(institution.address['zh-CN']).toContain('样例数据');
      expect(institution.name.en).toContain('sample data');
      // Local numbers never start with 0 after the area code: these cannot be dialled.
      expect(institution.phone).toMatch(/^0472-0/);
    }
  });

  it('has every kind of institution the policy names and covers every district', () => {
    const kinds = new Set(dataset.institutions.map((institution) => institution.kind));
    expect(kinds.size).toBe(7);
    const districts = new Set(dataset.institutions.map((institution) => institution.district));
    expect(districts.size).toBe(9);
  });
});

describe('directory search', () => {
  it('"gzc" (pinyin initials) finds the notary offices (公证处), and only those', () => {
    const found = names('gzc');
    expect(found.length).toBe(3);
    for (const name of found) expect(name).toContain('公证处');
  });

  it('upper case, full-width letters and spaces are ignored', () => {
    expect(names('G Z C')).toEqual(names('gzc'));
    expect(names('ＧＺＣ')).toEqual(names('gzc'));
  });

  it('partial hanzi: 鉴定 finds both appraisal institutions', () => {
    const found = names('鉴定');
    expect(found).toHaveLength(2);
    for (const name of found) expect(name).toContain('鉴定');
  });

  it('full pinyin: "gongzheng" finds the notary offices', () => {
    expect(names('gongzheng')).toEqual(names('gzc'));
  });

  it('English names match too', () => {
    expect(names('notary')).toHaveLength(3);
  });

  it('names that start with the query come before those that contain it', () => {
    const [first, second] = dataset.institutions.filter(
      (institution) => institution.kind === 'notary_office',
    );
    const renamed = [
      { ...first!, name: { 'zh-CN': '示例公证处（样例数据）', en: 'A' } },
      { ...second!, name: { 'zh-CN': '公证处示例（样例数据）', en: 'B' } },
    ];
    const small = indexed(renamed, first!.id);
    expect(searchDirectory(small, {}).map((institution) => institution.name.en)).toEqual(['A', 'B']);
    expect(searchDirectory(small, { text: 'gzc' }).map((institution) => institution.name.en)).toEqual([
      'B',
      'A',
    ]);
    expect(searchDirectory(small, { text: '公证' }).map((institution) => institution.name.en)).toEqual([
      'B',
      'A',
    ]);
  });

  it('never matches across two names (the index joins them into one string)', () => {
    const [first, second] = dataset.institutions;
    const pair = [
      { ...first!, name: { 'zh-CN': '示例公证', en: 'ab' } },
      { ...second!, name: { 'zh-CN': '处示例', en: 'cd' } },
    ];
    const small = indexed(pair, null);
    expect(searchDirectory(small, { text: 'gzc' })).toEqual([]);
    expect(searchDirectory(small, { text: '公证处' })).toEqual([]);
    expect(searchDirectory(small, { text: 'bc' })).toEqual([]);
    expect(searchDirectory(small, { text: 'gz' }).map((institution) => institution.name.en)).toEqual(['ab']);
    expect(searchDirectory(small, { text: 'c' }).map((institution) => institution.name.en)).toEqual(['cd']);
  });

  it('a query that matches nothing gives nothing, hostile text included', () => {
    for (const text of ['zzzzzz', '$(rm -rf /)', '"\'\n', '__proto__', 'x'.repeat(1_000_000)])
      expect(names(text)).toEqual([]);
  });

  it('filters by kind and district', () => {
    const notaries = searchDirectory(index, { kind: 'notary_office' });
    expect(notaries).toHaveLength(3);
    const donghe = searchDirectory(index, { district: 'donghe' });
    expect(donghe.every((institution) => institution.district === 'donghe')).toBe(true);
    expect(donghe.length).toBe(3);
    const both = searchDirectory(index, { kind: 'notary_office', district: 'donghe' });
    expect(both.map((institution) => institution.id)).toEqual(['donghe-notary']);
    expect(searchDirectory(index, { text: 'gzc', district: 'qingshan' })).toEqual([]);
  });
});

describe('ordering', () => {
  it("lists the terminal's own centre first, then its district, then by kind", () => {
    const all = searchDirectory(index, {});
    expect(all).toHaveLength(dataset.institutions.length);
    expect(all[0]!.id).toBe('baotou-city-centre');
    const ownDistrict = all.findIndex((institution) => institution.district !== 'kundulun');
    expect(all.slice(0, ownDistrict).every((institution) => institution.district === 'kundulun')).toBe(true);
    expect(all.slice(ownDistrict).every((institution) => institution.district !== 'kundulun')).toBe(true);
  });

  it('another terminal gets its own centre and district first', () => {
    const guyang = indexed(dataset.institutions, 'guyang-centre');
    const all = searchDirectory(guyang, {});
    expect(all[0]!.id).toBe('guyang-centre');
    expect(all[1]!.district).toBe('guyang');
    expect(guyang.ownDistrict).toBe('guyang');
  });

  it('an unknown own centre keeps kind order: centres before notaries before law firms', () => {
    const neutral = indexed(dataset.institutions, null);
    const kinds = searchDirectory(neutral, {}).map((institution) => institution.kind);
    expect(kinds.indexOf('legal_service_centre')).toBeLessThan(kinds.indexOf('notary_office'));
    expect(kinds.lastIndexOf('notary_office')).toBeLessThan(kinds.indexOf('law_firm'));
  });
});
