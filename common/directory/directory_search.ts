import {
  type District,
  INSTITUTION_KINDS,
  type Institution,
  type InstitutionKind,
  type NameSpelling,
} from './directory_schema';

const PLATFORM_ORDER = ['city', 'county', 'township', 'village'];

interface IndexedInstitution {
  institution: Institution;
  /** Full toneless pinyin without spaces ("gongzhengchu"): the sort key within a group. */
  spelled: string;
  initials: string;
  hanzi: string;
  english: string;
}

/**
 * One spelling of every name, joined into one string (newline-separated, in display order) so a keystroke
 * is a few native `indexOf` scans instead of one call per institution. `starts[i]` is where entry i begins.
 */
interface Haystack {
  text: string;
  starts: Int32Array;
}

export interface DirectoryIndex {
  /** In display order: own centre, own district, then by kind, level and pinyin. */
  readonly entries: readonly IndexedInstitution[];
  /** Letters and digits are matched against pinyin initials ("gzc" for 公证处), full pinyin and English. */
  readonly latin: readonly Haystack[];
  /** A query with hanzi is matched against the Chinese and the English name. */
  readonly chinese: readonly Haystack[];
  readonly ownDistrict: District | null;
  byId(id: string): Institution | undefined;
}

export interface DirectoryQuery {
  text?: string;
  kind?: InstitutionKind;
  district?: District;
}

/** Full-width letters and digits to ASCII, lower case, without spaces. */
export function normalizeQuery(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Indexes a directory once at load, never per keystroke. The pinyin comes ready with the data (`spellings[i]`
 * is institution i's, computed by the core ahead of time), so this is a sort and a few joins: well under
 * 200 ms at 10,000 institutions. `ownCentreId` is the terminal's own service centre; it and its district
 * come first.
 */
export function buildDirectoryIndex(
  institutions: readonly Institution[],
  ownCentreId: string | null,
  spellings: readonly NameSpelling[],
): DirectoryIndex {
  if (spellings.length !== institutions.length) throw new RangeError('one spelling per institution');
  const own = institutions.find((institution) => institution.id === ownCentreId);
  const ownDistrict = own?.district ?? null;
  const entries = institutions.map((institution, i): IndexedInstitution => {
    const { initials, spelled } = spellings[i]!;
    const hanzi = institution.name['zh-CN'].toLowerCase();
    const english = normalizeQuery(institution.name.en);
    return { institution, spelled, initials, hanzi, english };
  });
  const rank = (entry: IndexedInstitution): number[] => [
    entry.institution.id === ownCentreId ? 0 : 1,
    entry.institution.district === ownDistrict ? 0 : 1,
    INSTITUTION_KINDS.indexOf(entry.institution.kind),
    entry.institution.level ? PLATFORM_ORDER.indexOf(entry.institution.level) : 0,
  ];
  entries.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return a.spelled < b.spelled ? -1 : a.spelled > b.spelled ? 1 : 0;
  });
  const byId = new Map(institutions.map((institution) => [institution.id, institution]));
  const haystack = (field: (entry: IndexedInstitution) => string): Haystack => {
    const starts = new Int32Array(entries.length);
    let offset = 0;
    entries.forEach((entry, i) => {
      starts[i] = offset;
      offset += field(entry).length + 1;
    });
    return { text: entries.map(field).join('\n'), starts };
  };
  const english = haystack((entry) => entry.english);
  return {
    entries,
    latin: [haystack((entry) => entry.initials), haystack((entry) => entry.spelled), english],
    chinese: [haystack((entry) => entry.hanzi), english],
    ownDistrict,
    byId: (id) => byId.get(id),
  };
}

const STARTS = 1;
const CONTAINS = 2;

/** The entry whose text contains position `at`: the last start at or before it. */
function entryAt(starts: Int32Array, at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Marks every entry whose text contains `text`: STARTS when it begins with it, else CONTAINS. */
function markMatches(haystack: Haystack, text: string, tiers: Uint8Array): void {
  const { starts } = haystack;
  let at = haystack.text.indexOf(text);
  while (at !== -1) {
    const entry = entryAt(starts, at);
    const tier = at === starts[entry] ? STARTS : CONTAINS;
    if (tiers[entry] === 0 || tier < tiers[entry]!) tiers[entry] = tier;
    // The first match in an entry is its best; go on from the next entry.
    const next = entry + 1 < starts.length ? starts[entry + 1]! : haystack.text.length;
    at = haystack.text.indexOf(text, next);
  }
}

/**
 * Filters by kind and district and matches the name by hanzi, pinyin initials, full pinyin or English.
 * Names that start with the query come first; otherwise the index order (own centre first) holds.
 */
export function searchDirectory(index: DirectoryIndex, query: DirectoryQuery): Institution[] {
  const text = normalizeQuery(query.text ?? '');
  const tiers = new Uint8Array(index.entries.length);
  if (text === '') tiers.fill(STARTS);
  else
    for (const haystack of /^[a-z0-9]+$/.test(text) ? index.latin : index.chinese)
      markMatches(haystack, text, tiers);
  const starts: Institution[] = [];
  const contains: Institution[] = [];
  index.entries.forEach(({ institution }, i) => {
    if (tiers[i] === 0) return;
    if (query.kind && institution.kind !== query.kind) return;
    if (query.district && institution.district !== query.district) return;
    (tiers[i] === STARTS ? starts : contains).push(institution);
  });
  return starts.concat(contains);
}
