import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseSignKey } from '../common/sign_language/sign_keys';
import { describeRefusal, openSignPack } from '../node_shared/sign_pack/sign_pack_reader';
import { assetSignSources } from './sign_asset_sources';
import { formatSignCoverage, signCoverage } from './sign_coverage_report';

/**
 * `npm run sign:coverage -- PACK.tar… [--missing] [--json] [--templates DIR] [--content FILE]`: per sign pack
 * and for all together, which catalog strings, form questions and options (of each form's latest version and
 * of every version a pack names) and articles have a current clip, and which clips are stale or name nothing.
 * Exits 1 when a pack does not verify.
 */
const root = path.resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    missing: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    templates: { type: 'string' },
    content: { type: 'string' },
  },
});
if (positionals.length === 0) {
  console.error(
    'usage: npm run sign:coverage -- PACK.tar… [--missing] [--json] [--templates DIR] [--content FILE]',
  );
  process.exit(2);
}
const manifests = [];
for (const file of positionals) {
  const pack = openSignPack(fs.readFileSync(file));
  if (!pack.ok) {
    console.error(`${file}: not a valid sign pack: ${describeRefusal(pack.error)}`);
    process.exit(1);
  }
  manifests.push(pack.value.manifest);
}
const sources = assetSignSources({
  assetsDir: path.join(root, 'assets'),
  ...(values.templates ? { templatesDir: path.resolve(values.templates) } : {}),
  ...(values.content ? { contentFile: path.resolve(values.content) } : {}),
});
const report = signCoverage(manifests, {
  ...sources,
  articleIds: sources.content.articles.map((article) => article.id),
  templatesFor: (keys) => {
    const named = keys.flatMap((key) => {
      const parsed = parseSignKey(key);
      return parsed?.kind === 'template' ? [sources.templates.get(parsed.templateId, parsed.version)] : [];
    });
    const all = [...sources.templates.latest(), ...named].filter((t) => t !== null);
    return [...new Map(all.map((t) => [`${t.id}@${t.version}`, t])).values()].sort((a, b) =>
      `${a.id}@${a.version}`.localeCompare(`${b.id}@${b.version}`),
    );
  },
});
console.log(values.json ? JSON.stringify(report, null, 2) : formatSignCoverage(report, values.missing));
