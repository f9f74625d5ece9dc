import { pinyin } from 'pinyin-pro';
import { type District, INSTITUTION_KINDS, type Institution, type InstitutionKind } from './directory_schema';

const PLATFORM_ORDER = ['city', 'county', 'township', 'village'];

interface IndexedInstitution {
  institution: Institution;
  /** Full toneless pinyin without spaces ("gongzhengchu"): the sort key within a group. */
  spelled: string;
  /** A query of letters and digits is matched against the pinyin initials ("gzc" for 公证处), the full
   * pinyin and the English name; a query with hanzi against the lower-case Chinese and the English name. */
  latinFields: readonly string[];
  chineseFields: readonly string[];
}

export interface DirectoryIndex {
  /** In display order: own centre, own district, then by kind, level and pinyin. */
  readonly entries: readonly IndexedInstitution[];
  readonly ownDistrict: District | null;
  byId(id: string): Institution | undefined;
}

export interface DirectoryQuery {
  text?: string;
  kind?: InstitutionKind;
  district?: District;
}

function letters(syllables: string[]): string {
  return syllables
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Full-width letters and digits to ASCII, lower case, without spaces. */
export function normalizeQuery(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Indexes a directory once at load: pinyin is computed here, never per keystroke. `ownCentreId` is the
 * terminal's own service centre; it and its district come first.
 */
export function buildDirectoryIndex(
  institutions: readonly Institution[],
  ownCentreId: string | null,
): DirectoryIndex {
  const own = institutions.find((institution) => institution.id === ownCentreId);
  const ownDistrict = own?.district ?? null;
  const entries = institutions.map((institution): IndexedInstitution => {
    const name = institution.name['zh-CN'];
    const hanzi = name.toLowerCase();
    const initials = letters(pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }));
    const spelled = letters(pinyin(name, { toneType: 'none', type: 'array' }));
    const english = normalizeQuery(institution.name.en);
    return {
      institution,
      spelled,
      latinFields: [initials, spelled, english],
      chineseFields: [hanzi, english],
    };
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
  return { entries, ownDistrict, byId: (id) => byId.get(id) };
}

/** 0 = the name starts with the query (in any spelling), 1 = contains it, -1 = no match. */
function matchTier(fields: readonly string[], text: string): number {
  let tier = -1;
  for (const field of fields) {
    const at = field.indexOf(text);
    if (at === 0) return 0;
    if (at > 0) tier = 1;
  }
  return tier;
}

/**
 * Filters by kind and district and matches the name by hanzi, pinyin initials, full pinyin or English.
 * Names that start with the query come first; otherwise the index order (own centre first) holds.
 */
export function searchDirectory(index: DirectoryIndex, query: DirectoryQuery): Institution[] {
  const text = normalizeQuery(query.text ?? '');
  // Letters and digits match pinyin and English; anything else (hanzi) matches the Chinese and English name.
  const latin = /^[a-z0-9]+$/.test(text);
  const starts: Institution[] = [];
  const contains: Institution[] = [];
  for (const entry of index.entries) {
    const { institution } = entry;
    if (query.kind && institution.kind !== query.kind) continue;
    if (query.district && institution.district !== query.district) continue;
    const tier = text === '' ? 0 : matchTier(latin ? entry.latinFields : entry.chineseFields, text);
    if (tier === 0) starts.push(institution);
    else if (tier === 1) contains.push(institution);
  }
  return starts.concat(contains);
}
