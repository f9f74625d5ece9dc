import type { CoreDeps } from '../core_deps';
import { CONTENT_KIND, DIRECTORY_KIND, FEE_RULES_KIND } from '../published/published_kinds';
import { loadPublished } from '../published/published_store';
import type { Handlers } from '../rpc/dispatcher';
import type { AfterFirstScreen } from '../system/after_first_screen';
import { DirectorySpellings } from './directory_spellings';

type DirectoryMethod = 'directory.dataset' | 'fees.rule_table' | 'content.library';

/**
 * The directory in use, with its search spellings started ahead of the visitor (after the first screen and
 * when the hub installs a new version), so opening the directory never waits for a pinyin dictionary.
 */
export function startDirectory(deps: CoreDeps, afterFirstScreen: AfterFirstScreen) {
  const spellings = new DirectorySpellings();
  const current = () => loadPublished(deps.db, DIRECTORY_KIND, deps.logger);
  const warm = () => spellings.of(current().value);
  afterFirstScreen.add('directory.spellings', warm);
  return { spellings, current, warm };
}

/** Serves the published directory, fee rules and content, falling back to the bundled copies. */
export function directoryHandlers(
  deps: CoreDeps,
  directory: ReturnType<typeof startDirectory>,
): Pick<Handlers, DirectoryMethod> {
  const { db, logger } = deps;
  return {
    'directory.dataset': async () => {
      const loaded = directory.current();
      return {
        source: loaded.source,
        dataset: loaded.value,
        spellings: await directory.spellings.of(loaded.value),
      };
    },
    'fees.rule_table': () => {
      const loaded = loadPublished(db, FEE_RULES_KIND, logger);
      return { source: loaded.source, table: loaded.value };
    },
    'content.library': () => {
      const loaded = loadPublished(db, CONTENT_KIND, logger);
      return { source: loaded.source, library: loaded.value };
    },
  };
}
