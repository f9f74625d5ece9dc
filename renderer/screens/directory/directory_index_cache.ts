import type { DirectoryDataset, NameSpelling } from '../../../common/directory/directory_schema';
import { buildDirectoryIndex, type DirectoryIndex } from '../../../common/directory/directory_search';

let cached: { key: string; index: DirectoryIndex } | null = null;

/** The search index of a dataset version, built once (the core sends the pinyin with the data). */
export function directoryIndexFor(
  dataset: DirectoryDataset,
  spellings: readonly NameSpelling[],
  ownCentreId: string,
): DirectoryIndex {
  const key = `${dataset.id}@${dataset.version}#${ownCentreId}`;
  if (cached?.key !== key)
    cached = { key, index: buildDirectoryIndex(dataset.institutions, ownCentreId, spellings) };
  return cached.index;
}
