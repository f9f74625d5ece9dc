import fs from 'node:fs';
import path from 'node:path';
import { flattenCatalog } from '../common/speech/catalog_strings';

/** Review state of one translated string, from `<ns>.meta.json` `review`; absent means unreviewed. */
export type ReviewState = 'reviewed' | 'unreviewed';

export interface NamespaceCoverage {
  language: string;
  namespace: string;
  /** Keys of the Chinese (reference) catalog. */
  total: number;
  covered: number;
  /** Keys shown in Chinese because this catalog lacks them. */
  missing: string[];
  /** Whether this language keeps `*.meta.json` review files (Mongolian does; Chinese and English are source texts). */
  reviewTracked: boolean;
  /** Covered keys not marked `"reviewed"` by a translator (only for languages with review files). */
  unreviewed: string[];
  /** Keys of this catalog the Chinese one does not have (typos, stale keys). */
  unknown: string[];
  /** Strings written in Cyrillic (wrong script for traditional Mongolian). */
  cyrillic: string[];
}

const REFERENCE = 'zh-CN';
const PLURAL = /_(zero|one|two|few|many|other)$/;
/**
 * i18next plural forms `x_one`, `x_other` … count as the key `x` — only where the catalog has `x_other` (the
 * form every language needs), so ordinary keys like `too_few` / `too_many` stay two keys.
 */
function baseKeyOf(keys: Iterable<string>): (key: string) => string {
  const plurals = new Set([...keys].filter((k) => k.endsWith('_other')).map((k) => k.replace(PLURAL, '')));
  return (key) => {
    const base = key.replace(PLURAL, '');
    return base !== key && plurals.has(base) ? base : key;
  };
}
const CYRILLIC = /[\u0400-\u04ff]/;

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function strings(dir: string, namespace: string): Map<string, string> {
  const file = path.join(dir, `${namespace}.json`);
  if (!fs.existsSync(file)) return new Map();
  return new Map(
    flattenCatalog(namespace, readJson(file)).map((s) => [s.key.slice(namespace.length + 1), s.text]),
  );
}

function reviewMap(dir: string, namespace: string): Map<string, ReviewState> | null {
  const file = path.join(dir, `${namespace}.meta.json`);
  if (!fs.existsSync(file)) return null;
  const review = (readJson(file) as { review?: unknown }).review;
  const out = new Map<string, ReviewState>();
  if (review && typeof review === 'object') {
    for (const [key, state] of Object.entries(review)) {
      // Anything but the exact word "reviewed" is treated as not reviewed.
      out.set(key, state === 'reviewed' ? 'reviewed' : 'unreviewed');
    }
  }
  return out;
}

function namespacesOf(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.meta.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/**
 * Coverage of every language against the Chinese catalogs in `localesDir`. Languages that keep review files
 * (Mongolian) count a string as reviewed only when its meta entry says exactly `"reviewed"`.
 */
export function catalogCoverage(localesDir: string): NamespaceCoverage[] {
  const referenceDir = path.join(localesDir, REFERENCE);
  const languages = fs
    .readdirSync(localesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== REFERENCE)
    .map((d) => d.name)
    .sort();
  const out: NamespaceCoverage[] = [];
  for (const language of languages) {
    const dir = path.join(localesDir, language);
    const hasReviewFiles = fs.readdirSync(dir).some((f) => f.endsWith('.meta.json'));
    for (const namespace of namespacesOf(referenceDir)) {
      const referenceKeys = [...strings(referenceDir, namespace).keys()];
      const own = strings(dir, namespace);
      const baseKey = baseKeyOf([...referenceKeys, ...own.keys()]);
      const reference = [...new Set(referenceKeys.map(baseKey))].sort();
      const ownBase = new Set([...own.keys()].map(baseKey));
      const review = reviewMap(dir, namespace);
      const present = reference.filter((k) => ownBase.has(k));
      const referenceSet = new Set(reference);
      out.push({
        language,
        namespace,
        reviewTracked: hasReviewFiles,
        total: reference.length,
        covered: present.length,
        missing: reference.filter((k) => !ownBase.has(k)),
        unreviewed: hasReviewFiles ? [...own.keys()].filter((k) => review?.get(k) !== 'reviewed').sort() : [],
        unknown: [...ownBase].filter((k) => !referenceSet.has(k)).sort(),
        cyrillic: language.startsWith('mn')
          ? [...own].filter(([, text]) => CYRILLIC.test(text)).map(([k]) => k)
          : [],
      });
    }
  }
  return out;
}

/** One line per language and namespace, then totals; the form `npm run catalog:coverage` prints. */
export function formatCoverage(rows: readonly NamespaceCoverage[]): string {
  const lines: string[] = [];
  const byLanguage = new Map<string, NamespaceCoverage[]>();
  for (const row of rows) byLanguage.set(row.language, [...(byLanguage.get(row.language) ?? []), row]);
  for (const [language, list] of byLanguage) {
    const sum = (pick: (r: NamespaceCoverage) => number) => list.reduce((n, r) => n + pick(r), 0);
    const total = sum((r) => r.total);
    const covered = sum((r) => r.covered);
    lines.push(
      `${language}: ${covered}/${total} keys covered, ${total - covered} fall back to Chinese, ` +
        (list[0]?.reviewTracked ? `${sum((r) => r.unreviewed.length)} unreviewed` : 'review not tracked'),
    );
    for (const r of list) {
      lines.push(
        `  ${r.namespace}: covered ${r.covered}/${r.total}, missing ${r.missing.length}` +
          (r.reviewTracked ? `, unreviewed ${r.unreviewed.length}` : '') +
          (r.unknown.length ? `, not in Chinese: ${r.unknown.join(' ')}` : '') +
          (r.cyrillic.length ? `, CYRILLIC: ${r.cyrillic.join(' ')}` : ''),
      );
    }
  }
  return lines.join('\n');
}

/** Errors that fail the check: strings with no Chinese key, Cyrillic in Mongolian. Missing keys are allowed. */
export function coverageProblems(rows: readonly NamespaceCoverage[]): string[] {
  return rows.flatMap((r) => [
    ...r.unknown.map((k) => `${r.language} ${r.namespace}:${k} is not a Chinese key`),
    ...r.cyrillic.map((k) => `${r.language} ${r.namespace}:${k} is written in Cyrillic`),
  ]);
}
