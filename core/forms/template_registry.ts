import fs from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '../../common/forms/canonical_json';
import {
  formatTemplateProblem,
  parseTemplate,
  type TemplateProblem,
} from '../../common/forms/parse_template';
import type { Template } from '../../common/forms/template_schema';
import type { Logger } from '../../node_shared/logger';

/**
 * Where templates come from: the bundled files, and later the hub's published assets. `load` returns the
 * raw JSON of every template version it has; the registry validates each one.
 */
export interface TemplateSource {
  readonly name: string;
  load(): unknown[];
}

/** The bundled templates: every `*.json` in a folder (`assets/templates`). */
export function fileTemplateSource(dir: string): TemplateSource {
  return {
    name: `files:${path.basename(dir)}`,
    load: () =>
      fs
        .readdirSync(dir)
        .filter((file) => file.endsWith('.json'))
        .sort()
        .map((file) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown),
  };
}

function compareSemver(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}

export interface RegistryProblem {
  source: string;
  problem: TemplateProblem;
}

/**
 * Every valid template version from the sources. Versions are immutable: a second, different body for an
 * id@version already loaded is refused (the first wins), so a draft always sees the text it started with.
 */
export class TemplateRegistry {
  private versions = new Map<string, Map<string, Template>>();
  problems: RegistryProblem[] = [];

  constructor(
    private readonly sources: readonly TemplateSource[],
    private readonly logger?: Logger,
  ) {
    this.reload();
  }

  /** Re-reads all sources (e.g. after the sync downlink installed new templates). Loaded versions stay. */
  reload(): RegistryProblem[] {
    const problems: RegistryProblem[] = [];
    for (const source of this.sources) {
      let raws: unknown[];
      try {
        raws = source.load();
      } catch (error) {
        const message = error instanceof Error ? error.message : 'unreadable';
        problems.push({ source: source.name, problem: { templateId: '', stepId: null, field: '', message } });
        continue;
      }
      for (const raw of raws) {
        const parsed = parseTemplate(raw);
        if (!parsed.ok) {
          problems.push({ source: source.name, problem: parsed.error });
          continue;
        }
        const template = parsed.value;
        const byVersion = this.versions.get(template.id) ?? new Map<string, Template>();
        const existing = byVersion.get(template.version);
        if (existing && canonicalJson(existing) !== canonicalJson(template)) {
          problems.push({
            source: source.name,
            problem: {
              templateId: template.id,
              stepId: null,
              field: 'version',
              message: `${template.version} is already loaded with other content; publish a new version`,
            },
          });
          continue;
        }
        byVersion.set(template.version, existing ?? template);
        this.versions.set(template.id, byVersion);
      }
    }
    for (const { source, problem } of problems) {
      this.logger?.warn('forms.template_refused', { source, detail: formatTemplateProblem(problem) });
    }
    this.problems = problems;
    return problems;
  }

  get(id: string, version?: string): Template | null {
    const byVersion = this.versions.get(id);
    if (!byVersion) return null;
    if (version !== undefined) return byVersion.get(version) ?? null;
    return [...byVersion.values()].sort((a, b) => compareSemver(b.version, a.version))[0] ?? null;
  }

  /** The latest version of every template. */
  latest(): Template[] {
    return [...this.versions.keys()].map((id) => this.get(id)!).sort((a, b) => a.id.localeCompare(b.id));
  }
}
