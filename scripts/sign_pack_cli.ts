import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { assetSignSources } from './sign_asset_sources';
import { buildSignPack, formatBuildReport, MAPPING_FILE, mappingSchema } from './sign_pack_builder';

/**
 * `npm run sign-pack -- DIR [--mapping FILE] [--out FILE] [--templates DIR] [--content FILE]`: builds a sign
 * pack from a folder of recorded clips and its mapping file (default `DIR/sign_pack.json`), checking every
 * clip with ffprobe. Writes `<id>-<version>.sign-pack.tar` next to the folder (or `--out`), ready for
 * `npm run hub:publish -- --kind sign_pack`. Exits 1, writing nothing, when a clip or key is refused.
 */
const root = path.resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    mapping: { type: 'string' },
    out: { type: 'string' },
    templates: { type: 'string' },
    content: { type: 'string' },
  },
});
const sourceDir = positionals[0];
if (sourceDir === undefined || positionals.length !== 1) {
  console.error(
    'usage: npm run sign-pack -- DIR [--mapping FILE] [--out FILE] [--templates DIR] [--content FILE]',
  );
  process.exit(2);
}
const mappingFile = path.resolve(values.mapping ?? path.join(sourceDir, MAPPING_FILE));
// The default output name comes from the mapping's id and version (checked again by the builder).
const named = mappingSchema.safeParse(
  (() => {
    try {
      return JSON.parse(fs.readFileSync(mappingFile, 'utf8')) as unknown;
    } catch {
      return null;
    }
  })(),
);
const outFile = path.resolve(
  values.out ??
    path.join(
      path.dirname(path.resolve(sourceDir)),
      named.success ? `${named.data.id}-${named.data.version}.sign-pack.tar` : 'sign-pack.tar',
    ),
);
const report = await buildSignPack({
  sourceDir: path.resolve(sourceDir),
  mappingFile,
  outFile,
  sources: assetSignSources({
    assetsDir: path.join(root, 'assets'),
    ...(values.templates ? { templatesDir: path.resolve(values.templates) } : {}),
    ...(values.content ? { contentFile: path.resolve(values.content) } : {}),
  }),
});
console.log(formatBuildReport(report));
process.exitCode = report.manifest ? 0 : 1;
