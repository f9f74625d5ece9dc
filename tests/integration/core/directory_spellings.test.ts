import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import sample from '../../../assets/directory/baotou_sample.json';
import { buildDirectoryIndex, searchDirectory } from '../../../common/directory/directory_search';
import { DIRECTORY_KIND } from '../../../core/published/published_kinds';
import { installPublished } from '../../../core/published/published_store';
import { generateInstitutions } from '../../bench/directory_workload';
import { startTestCore } from '../forms/support';

function installDirectory(core: ReturnType<typeof startTestCore>, version: string, count: number) {
  const body = Buffer.from(JSON.stringify({ ...sample, version, institutions: generateInstitutions(count) }));
  const sha256 = createHash('sha256').update(body).digest('hex');
  const installed = installPublished(core.deps.db, DIRECTORY_KIND, { version, sha256, body }, new Date());
  if (!installed.ok) throw new Error(JSON.stringify(installed.error));
}

describe('the directory with its search spellings (computed by the core, once per version)', () => {
  it('sends the pinyin of every name with the data, so the screen searches without a dictionary', async () => {
    const core = startTestCore();
    try {
      const { dataset, spellings } = await core.call('directory.dataset', {});
      expect(spellings).toHaveLength(dataset.institutions.length);
      const index = buildDirectoryIndex(dataset.institutions, 'baotou-city-centre', spellings);
      const notaries = searchDirectory(index, { text: 'gzc' });
      expect(notaries.length).toBeGreaterThan(0);
      expect(notaries.every((institution) => institution.name['zh-CN'].includes('公证处'))).toBe(true);
      expect(searchDirectory(index, { text: 'gongzheng' }).map((i) => i.id)).toEqual(
        notaries.map((i) => i.id),
      );
    } finally {
      core.close();
    }
  });

  it('keeps answering other calls while it spells 10,000 names', async () => {
    const core = startTestCore();
    try {
      installDirectory(core, 'big-1', 10_000);
      const order: string[] = [];
      const directory = core.call('directory.dataset', {}).then((value) => {
        order.push('directory');
        return value;
      });
      // Let the spelling start, then ask for something small: it is answered between two slices.
      await new Promise((resolve) => setImmediate(resolve));
      await core.call('system.health', {});
      order.push('health');
      const { dataset, spellings } = await directory;
      expect(order).toEqual(['health', 'directory']);
      expect(spellings).toHaveLength(10_000);
      expect(spellings[0]).toEqual({
        initials: expect.stringMatching(/^sl/),
        spelled: expect.stringMatching(/^shili/),
      });
      expect(dataset.version).toBe('big-1');
    } finally {
      core.close();
    }
  });

  it('spells a newly installed version, not the old one', async () => {
    const core = startTestCore();
    try {
      installDirectory(core, 'v1', 3);
      const first = await core.call('directory.dataset', {});
      installDirectory(core, 'v2', 5);
      const second = await core.call('directory.dataset', {});
      expect(first.spellings).toHaveLength(3);
      expect(second.dataset.version).toBe('v2');
      expect(second.spellings).toHaveLength(5);
    } finally {
      core.close();
    }
  });
});
