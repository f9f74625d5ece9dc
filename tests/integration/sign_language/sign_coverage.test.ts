import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTar } from '../../../node_shared/sign_pack/tar_archive';
import { buildTestPack, runTool } from '../../fixtures/sign_language/test_clips';

const FORM = 'template:legal_aid_application@1.1.0';

describe('npm run sign:coverage', () => {
  it('lists, per pack and for all, the catalog strings, form questions and options, and articles with a current clip', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sign-coverage-'));
    const ui = await buildTestPack(
      path.join(dir, 'ui'),
      {
        id: 'csl-ui',
        version: '1',
        signLanguage: 'csl',
        review: 'reviewed',
        clips: [
          { file: 'home.webm', keys: ['catalog:common:home.heading'] },
          { file: 'article.webm', keys: ['article:legal_aid_for_you'], caption: '法律援助' },
        ],
      },
      { 'home.webm': { seconds: 1 }, 'article.webm': { seconds: 1 } },
    );
    const forms = await buildTestPack(
      path.join(dir, 'forms'),
      {
        id: 'csl-forms',
        version: '1',
        signLanguage: 'csl',
        clips: [
          {
            file: 'name.webm',
            keys: [`${FORM}:full_name.prompt`, 'template:legal_aid_application@1.0.0:full_name.prompt'],
          },
          { file: 'male.webm', keys: [`${FORM}:sex.option.male`] },
        ],
      },
      { 'name.webm': { seconds: 1 }, 'male.webm': { seconds: 1 } },
    );
    // A pack recorded for an older app: one string reworded since, one form version this build does not have.
    const old = structuredClone(ui.manifest);
    old.id = 'csl-old';
    old.clips = [
      {
        ...ui.manifest.clips[0]!,
        targets: [
          { key: 'catalog:common:home.greeting', textSha256: 'f'.repeat(64) },
          { key: 'template:legal_aid_application@0.9.0:full_name.prompt' },
        ],
      },
    ];
    const oldFile = path.join(dir, 'old.tar');
    fs.writeFileSync(
      oldFile,
      writeTar([
        { name: 'manifest.json', body: Buffer.from(JSON.stringify(old)) },
        { name: '0001.webm', body: fs.readFileSync(path.join(dir, 'ui', 'recordings', 'home.webm')) },
      ]),
    );

    const run = runTool('scripts/sign_coverage.ts', [ui.file, forms.file, oldFile, '--json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.output);
    const [uiCoverage, formsCoverage, oldCoverage] = report.packs;
    expect(uiCoverage).toMatchObject({
      pack: 'csl-ui@1',
      clips: 2,
      reviewed: 2,
      catalog: { covered: ['common:home.heading'] },
      articles: { covered: ['legal_aid_for_you'] },
    });
    expect(uiCoverage.catalog.total).toBeGreaterThan(800);
    const legalAid = formsCoverage.templates.filter((t: { template: string }) =>
      t.template.startsWith('legal_aid'),
    );
    expect(legalAid.map((t: { template: string }) => t.template)).toEqual([
      'legal_aid_application@1.0.0',
      'legal_aid_application@1.1.0',
      // the latest version (1.3.0) and the versions the packs name
      'legal_aid_application@1.3.0',
    ]);
    expect(legalAid[1]).toMatchObject({
      questions: { covered: ['full_name'] },
      options: { covered: ['sex.male'] },
    });
    expect(legalAid[1].options.missing).toContain('sex.female');
    expect(oldCoverage).toMatchObject({
      stale: ['catalog:common:home.greeting'],
      unknown: ['template:legal_aid_application@0.9.0:full_name.prompt'],
      catalog: { covered: [] },
    });
    expect(report.all.catalog.covered).toEqual(['common:home.heading']);
    expect(report.all.articles).toMatchObject({ covered: ['legal_aid_for_you'] });

    const text = runTool('scripts/sign_coverage.ts', [ui.file, forms.file, oldFile, '--missing']);
    expect(text.output).toContain('sign pack csl-forms@1 (csl): 2 clip(s), 0 reviewed by a deaf signer');
    expect(text.output).toMatch(
      /legal_aid_application@1\.1\.0: questions 1\/\d+, options 1\/\d+ — full_name sex\.male/,
    );
    expect(text.output).toMatch(/missing in legal_aid_application@1\.1\.0: sex .*sex\.female/);
    expect(text.output).toContain(
      'STALE (text changed since recording, not shown): catalog:common:home.greeting',
    );

    fs.writeFileSync(path.join(dir, 'broken.tar'), 'not a pack');
    const broken = runTool('scripts/sign_coverage.ts', [path.join(dir, 'broken.tar')]);
    expect(broken.status).toBe(1);
    expect(broken.output).toContain('broken.tar: not a valid sign pack');
  });
});
