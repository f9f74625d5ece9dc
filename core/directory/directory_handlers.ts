import type { CoreDeps } from '../core_deps';
import { CONTENT_KIND, DIRECTORY_KIND, FEE_RULES_KIND } from '../published/published_kinds';
import { loadPublished } from '../published/published_store';
import type { Handlers } from '../rpc/dispatcher';

type DirectoryMethod = 'directory.dataset' | 'fees.rule_table' | 'content.library';

/** Serves the published directory, fee rules and content, falling back to the bundled copies. */
export function directoryHandlers(deps: CoreDeps): Pick<Handlers, DirectoryMethod> {
  const { db, logger } = deps;
  return {
    'directory.dataset': () => {
      const loaded = loadPublished(db, DIRECTORY_KIND, logger);
      return { source: loaded.source, dataset: loaded.value };
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
