import type { DirectoryDataset } from '../../../common/directory/directory_schema';
import { buildDirectoryIndex, type DirectoryIndex } from '../../../common/directory/directory_search';

let cached: { key: string; index: DirectoryIndex } | null = null;

/** The search index of a dataset version, built once (pinyin at load, never per keystroke). */
export function directoryIndexFor(dataset: DirectoryDataset, ownCentreId: string): DirectoryIndex {
  const key = `${dataset.id}@${dataset.version}#${ownCentreId}`;
  if (cached?.key !== key) cached = { key, index: buildDirectoryIndex(dataset.institutions, ownCentreId) };
  return cached.index;
}
