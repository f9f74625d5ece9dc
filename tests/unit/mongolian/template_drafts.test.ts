import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../common/forms/parse_template';
import type { LocalizedText, Template } from '../../../common/forms/template_schema';
import { bundledRegistry, TEMPLATES_DIR as DIR } from '../forms/bundled_templates';

const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.json'));
/** Forms whose latest version has a Mongolian draft of every text (all bundled forms, by now). */
const DRAFTED = [
  'callback_request',
  'home_visit_booking',
  'legal_aid_application',
  'legal_consultation_request',
  'mediation_request',
  'notarization_request',
  'satisfaction_feedback',
];
/** Forms whose first version already had Mongolian drafts (earlier forms got them at 1.1.0). */
const BORN_WITH_MONGOLIAN = new Set(['mediation_request']);

function load(file: string): Template {
  const parsed = parseTemplate(JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')));
  if (!parsed.ok) throw new Error(file);
  return parsed.value;
}

/** Every localized text of a template (title, prompts, options, units, receipt, print …) with its path. */
function texts(node: unknown, at = ''): { at: string; text: LocalizedText }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => texts(item, `${at}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  if ('zh-CN' in node && 'en' in node) return [{ at, text: node as LocalizedText }];
  return Object.entries(node).flatMap(([key, value]) => texts(value, `${at}.${key}`));
}

/**
 * Traditional Mongolian script (U+1800–U+18AF), spaces, the narrow no-break space before case suffixes,
 * digits, the punctuation the drafts use, placeholders and the letter X (of ID numbers).
 */
const TRADITIONAL = /^[\u1800-\u18af \u202f0-9()?:;,./\-“”《》{}X]+$/u;
const CYRILLIC = /[\u0400-\u04ff]/;
/** A case suffix after a plain space: the drafts join suffixes with U+202F. */
const LOOSE_SUFFIX = / (ᠶᠢᠨ|ᠤᠨ|ᠦᠨ|ᠳᠤ|ᠳᠦ|ᠲᠤ|ᠲᠦ|ᠪᠠᠷ|ᠪᠡᠷ|ᠢᠶᠠᠷ|ᠢᠶᠡᠷ|ᠠᠴᠠ|ᠡᠴᠡ|ᠲᠠᠢ|ᠲᠡᠢ|ᠶᠢ|ᠤᠤ|ᠦᠦ)(?=[\s᠂᠃᠄?)]|$)/u;

describe('Mongolian drafts in the form templates', () => {
  const all = FILES.map((file) => ({ file, template: load(file) }));

  it.each(FILES)('%s: every Mongolian text is traditional script, no Cyrillic, suffixes joined', (file) => {
    for (const { at, text } of texts(load(file))) {
      const mn = text['mn-Mong-CN'];
      if (mn === undefined) continue;
      expect(CYRILLIC.test(mn), `${file} ${at}`).toBe(false);
      expect(mn, `${file} ${at}`).toMatch(TRADITIONAL);
      expect(mn, `${file} ${at}`).toMatch(/[\u1820-\u1842]/u);
      if (!file.endsWith('@1.0.0.json')) expect(mn, `${file} ${at}`).not.toMatch(LOOSE_SUFFIX);
    }
  });

  it('legal aid 1.3.0 keeps the Mongolian of what it shares with 1.2.0; its new texts have none yet', () => {
    const registry = bundledRegistry();
    const latest = registry.get('legal_aid_application')!;
    expect(latest.version).toBe('1.3.0');
    const key = (text: LocalizedText) => `${text['zh-CN']}|${text.en}`;
    const old = new Map(
      texts(registry.get('legal_aid_application', '1.2.0')!).map(({ text }) => [key(text), text]),
    );
    let kept = 0;
    for (const { at, text } of texts(latest)) {
      const before = old.get(key(text));
      if (before?.['mn-Mong-CN']) {
        expect(text['mn-Mong-CN'], at).toBe(before['mn-Mong-CN']);
        kept++;
      } else expect(text['mn-Mong-CN'], at).toBeUndefined();
    }
    expect(kept).toBeGreaterThan(100);
  });

  it('a template with Mongolian text carries the unreviewed marker for Mongolian', () => {
    const withMongolian = all.filter(({ template }) =>
      texts(template).some(({ text }) => text['mn-Mong-CN']),
    );
    expect(withMongolian.length).toBeGreaterThanOrEqual(DRAFTED.length);
    for (const { file, template } of withMongolian) expect(template.unreviewed, file).toContain('mn-Mong-CN');
  });

  it('the latest version of the forms visitors most need has Mongolian for every text', () => {
    const registry = bundledRegistry();
    for (const id of DRAFTED) {
      const template = registry.get(id)!;
      if (!BORN_WITH_MONGOLIAN.has(id)) expect(template.version, id).not.toBe('1.0.0');
      // legal aid 1.3.0 (issue 22) added questions not yet drafted in Mongolian (they show in Chinese, marked):
      // every text it shares with 1.2.0 keeps its Mongolian draft
      const drafted = id === 'legal_aid_application' ? registry.get(id, '1.2.0')! : template;
      const shared = new Set(texts(drafted).map(({ text }) => text['zh-CN']));
      const missing = texts(template).filter(({ text }) => shared.has(text['zh-CN']) && !text['mn-Mong-CN']);
      expect(
        missing.map(({ at }) => at),
        id,
      ).toEqual([]);
    }
  });

  it('the checks catch Cyrillic, Latin words and a suffix after a plain space', () => {
    expect(CYRILLIC.test('Монгол')).toBe(true);
    expect('ᠮᠣᠩᠭᠣᠯ abc').not.toMatch(TRADITIONAL);
    expect('ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ').toMatch(LOOSE_SUFFIX);
    expect('ᠬᠠᠤᠯᠢ\u202fᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ').not.toMatch(LOOSE_SUFFIX);
  });
});
