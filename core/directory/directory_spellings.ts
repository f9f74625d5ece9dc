import type { DirectoryDataset, NameSpelling } from '../../common/directory/directory_schema';
import { spellName } from '../../common/directory/name_spelling';

/** Names spelled between two turns of the event loop: the core keeps answering calls meanwhile. */
const SLICE = 200;

/**
 * The search spellings (pinyin) of the directory in use, computed once per dataset version and ahead of the
 * visitor: after the first screen, and when the hub installs a new version. 10,000 names take about a
 * second of pinyin, so it runs in slices. Keyed by the dataset object, which loadPublished hands out once per
 * verified version.
 */
export class DirectorySpellings {
  private readonly byDataset = new WeakMap<DirectoryDataset, Promise<NameSpelling[]>>();

  of(dataset: DirectoryDataset): Promise<NameSpelling[]> {
    let spellings = this.byDataset.get(dataset);
    if (!spellings) {
      spellings = spellInSlices(dataset);
      this.byDataset.set(dataset, spellings);
    }
    return spellings;
  }
}

async function spellInSlices(dataset: DirectoryDataset): Promise<NameSpelling[]> {
  const spellings: NameSpelling[] = [];
  for (const [i, institution] of dataset.institutions.entries()) {
    if (i > 0 && i % SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    spellings.push(spellName(institution.name['zh-CN']));
  }
  return spellings;
}
