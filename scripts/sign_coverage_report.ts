import type { Template } from '../common/forms/template_schema';
import { allSteps } from '../common/forms/template_schema';
import { parseSignKey, templateSignKey } from '../common/sign_language/sign_keys';
import type { SignPackManifest, SignTarget } from '../common/sign_language/sign_pack_manifest';
import { type SignSources, sourceTextOf, textSha256 } from '../core/sign_language/sign_sources';

export interface TemplateCoverage {
  template: string;
  questions: { covered: string[]; missing: string[] };
  options: { covered: string[]; missing: string[] };
}

export interface PackCoverage {
  pack: string;
  signLanguage: string;
  clips: number;
  reviewed: number;
  catalog: { covered: string[]; total: number };
  templates: TemplateCoverage[];
  articles: { covered: string[]; missing: string[] };
  /** Keys whose text changed since the clip was recorded: the kiosk does not show them. */
  stale: string[];
  /** Keys that name nothing this build knows (a template version not bundled, a removed string). */
  unknown: string[];
}

export interface CoverageSources extends SignSources {
  catalogKeys: readonly string[];
  articleIds: readonly string[];
  /** The form versions to report: the latest of each form, and any other version a pack names. */
  templatesFor(keys: readonly string[]): Template[];
}

function split(all: readonly string[], has: (key: string) => boolean) {
  return { covered: all.filter(has), missing: all.filter((key) => !has(key)) };
}

/** Which catalog strings, form questions and options, and articles the given clip targets cover (current ones only). */
function coverageOf(targets: readonly SignTarget[], sources: CoverageSources) {
  const current = new Set<string>();
  const stale: string[] = [];
  const unknown: string[] = [];
  for (const { key, textSha256: recorded } of targets) {
    const parsed = parseSignKey(key);
    const source = parsed ? sourceTextOf(parsed, sources) : { found: false as const };
    if (!source.found) unknown.push(key);
    else if (!source.versioned && recorded !== textSha256(source.text)) stale.push(key);
    else current.add(key);
  }
  const has = (key: string) => current.has(key);
  const templates = sources.templatesFor([...current]).map((template): TemplateCoverage => {
    const steps = allSteps(template);
    const prompt = (stepId: string) => templateSignKey(template, stepId, { text: 'prompt' });
    const options = steps.flatMap((step) => {
      const values =
        step.field.type === 'yes_no'
          ? ['yes', 'no']
          : step.field.type === 'single_choice' || step.field.type === 'multi_choice'
            ? step.field.options.map((option) => option.value)
            : [];
      return values.map((value) => ({
        label: `${step.id}.${value}`,
        key: templateSignKey(template, step.id, { text: 'option', value }),
      }));
    });
    const questions = split(
      steps.map((step) => step.id),
      (id) => has(prompt(id)),
    );
    const optionSplit = split(
      options.map((o) => o.label),
      (label) => has(options.find((o) => o.label === label)!.key),
    );
    return { template: `${template.id}@${template.version}`, questions, options: optionSplit };
  });
  return {
    catalog: {
      covered: sources.catalogKeys.filter((key) => has(`catalog:${key}`)),
      total: sources.catalogKeys.length,
    },
    templates,
    articles: split(sources.articleIds, (id) => has(`article:${id}`)),
    stale: stale.sort(),
    unknown: unknown.sort(),
  };
}

function targetsOf(manifests: readonly SignPackManifest[]): SignTarget[] {
  return manifests.flatMap((manifest) => manifest.clips.flatMap((clip) => clip.targets));
}

/** Coverage of each pack, then of all of them together (as a kiosk with every pack installed shows them). */
export function signCoverage(
  manifests: readonly SignPackManifest[],
  sources: CoverageSources,
): { packs: PackCoverage[]; all: ReturnType<typeof coverageOf> } {
  return {
    packs: manifests.map((manifest) => ({
      pack: `${manifest.id}@${manifest.version}`,
      signLanguage: manifest.signLanguage,
      clips: manifest.clips.length,
      reviewed: manifest.clips.filter((clip) => clip.review === 'reviewed').length,
      ...coverageOf(targetsOf([manifest]), sources),
    })),
    all: coverageOf(targetsOf(manifests), sources),
  };
}

function templateLines(templates: readonly TemplateCoverage[]): string[] {
  return templates.map((t) => {
    const q = t.questions;
    const o = t.options;
    return (
      `    ${t.template}: questions ${q.covered.length}/${q.covered.length + q.missing.length}, ` +
      `options ${o.covered.length}/${o.covered.length + o.missing.length}` +
      (q.covered.length + o.covered.length ? ` — ${[...q.covered, ...o.covered].join(' ')}` : '')
    );
  });
}

function bodyLines(c: ReturnType<typeof coverageOf>, listMissing: boolean): string[] {
  return [
    `  catalog strings: ${c.catalog.covered.length}/${c.catalog.total}${c.catalog.covered.length ? ` — ${c.catalog.covered.join(' ')}` : ''}`,
    '  form texts:',
    ...templateLines(c.templates),
    ...(listMissing
      ? c.templates.flatMap((t) =>
          [...t.questions.missing, ...t.options.missing].length
            ? [`      missing in ${t.template}: ${[...t.questions.missing, ...t.options.missing].join(' ')}`]
            : [],
        )
      : []),
    `  articles: ${c.articles.covered.length}/${c.articles.covered.length + c.articles.missing.length}${c.articles.covered.length ? ` — ${c.articles.covered.join(' ')}` : ''}`,
    ...(c.stale.length ? [`  STALE (text changed since recording, not shown): ${c.stale.join(' ')}`] : []),
    ...(c.unknown.length ? [`  UNKNOWN (names nothing in this build): ${c.unknown.join(' ')}`] : []),
  ];
}

export function formatSignCoverage(report: ReturnType<typeof signCoverage>, listMissing = false): string {
  return [
    ...report.packs.flatMap((pack) => [
      `sign pack ${pack.pack} (${pack.signLanguage}): ${pack.clips} clip(s), ${pack.reviewed} reviewed by a deaf signer`,
      ...bodyLines(pack, listMissing),
    ]),
    `all packs together:`,
    ...bodyLines(report.all, listMissing),
  ].join('\n');
}
