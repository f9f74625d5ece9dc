import { DISTRICTS, INSTITUTION_KINDS, type Institution } from '../../common/directory/directory_schema';
import { buildDirectoryIndex, searchDirectory } from '../../common/directory/directory_search';
import { spellInstitutions } from '../../common/directory/name_spelling';

/** The directory search workload, run by `directory_bench.ts` under Node and inside Chromium. */
const PLACES = [
  '昆都仑',
  '青山',
  '东河',
  '九原',
  '石拐',
  '白云',
  '土右',
  '固阳',
  '达茂',
  '稀土',
  '阿尔丁',
  '钢铁',
];
const WORDS = [
  '和平',
  '友谊',
  '幸福',
  '团结',
  '民主',
  '建设',
  '光明',
  '胜利',
  '朝阳',
  '富强',
  '文明',
  '和谐',
];
const SUFFIX: Record<(typeof INSTITUTION_KINDS)[number], string> = {
  legal_service_centre: '公共法律服务中心',
  legal_service_station: '公共法律服务工作站',
  legal_aid_office: '法律援助中心',
  notary_office: '公证处',
  judicial_appraisal: '司法鉴定所',
  law_firm: '律师事务所',
  arbitration_secretariat: '仲裁委员会秘书处',
};

/** Deterministic (seeded) institutions, named like real ones and marked as samples. */
export function generateInstitutions(count: number): Institution[] {
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  return Array.from({ length: count }, (_, i) => {
    const kind = INSTITUTION_KINDS[next(INSTITUTION_KINDS.length)]!;
    const name = `示例${PLACES[next(PLACES.length)]}${WORDS[next(WORDS.length)]}${SUFFIX[kind]}${i}（样例数据）`;
    return {
      id: `generated-${i}`,
      kind,
      district: DISTRICTS[next(DISTRICTS.length)]!,
      name: { 'zh-CN': name, en: `Sample institution ${i} (sample data)` },
      address: { 'zh-CN': '示例地址（样例数据）', en: 'Sample address (sample data)' },
      phone: `0472-0${String(i).padStart(7, '0')}`,
      hours: { 'zh-CN': '示例', en: 'sample' },
      services: [],
      accessibility: [],
      location: { lat: 40 + next(1000) / 1000, lon: 109 + next(1000) / 1000 },
    };
  });
}

/** What a visitor types, one keystroke at a time: each prefix is one search. */
const TYPED = ['gzc', 'flyzzx', 'sfjds', 'lsswsz', '公证处', '法律援助', 'gongzheng', 'qingshan', 'zcwyh'];

export interface DirectoryBenchResult {
  /** The pinyin of every name: the core's work, once per dataset version and ahead of the visitor. */
  spellingsMs: number;
  /** What the kiosk screen does when it opens the directory: index the data with the spellings it came with. */
  indexMs: number;
  keystrokeMs: number[];
  filteredMs: number[];
}

export function runDirectoryWorkload(count = 10_000, rounds = 20): DirectoryBenchResult {
  const institutions = generateInstitutions(count);
  let started = performance.now();
  const spellings = spellInstitutions(institutions);
  const spellingsMs = performance.now() - started;
  started = performance.now();
  const index = buildDirectoryIndex(institutions, 'generated-0', spellings);
  const indexMs = performance.now() - started;
  const keystrokeMs: number[] = [];
  const filteredMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const word of TYPED) {
      const characters = [...word];
      for (let length = 1; length <= characters.length; length++) {
        const text = characters.slice(0, length).join('');
        let start = performance.now();
        searchDirectory(index, { text });
        keystrokeMs.push(performance.now() - start);
        start = performance.now();
        searchDirectory(index, { text, kind: 'notary_office', district: 'qingshan' });
        filteredMs.push(performance.now() - start);
      }
    }
  }
  return { spellingsMs, indexMs, keystrokeMs, filteredMs };
}
