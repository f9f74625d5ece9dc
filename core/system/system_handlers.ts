import type { CoreDeps } from '../core_deps';
import { diskSpace } from '../diagnostics/disk_space';
import type { Handlers } from '../rpc/dispatcher';
import { SCHEMA_VERSION } from '../storage/database';
import type { AfterFirstScreen } from './after_first_screen';

type SystemMethod = 'system.health' | 'system.provisioning' | 'system.ready';

/**
 * Health, provisioning and the first screen's start signal. (The page writes no audit entries: the core
 * records what it does itself.)
 */
export function systemHandlers(
  deps: CoreDeps,
  afterFirstScreen: AfterFirstScreen,
): Pick<Handlers, SystemMethod> {
  const startedAt = deps.now().getTime();
  return {
    'system.health': () => ({
      appVersion: deps.appVersion,
      schemaVersion: SCHEMA_VERSION,
      diskFreeBytes: diskSpace(deps.dataDir).free,
      provisioned: deps.provisioning.provisioned,
      uptimeSeconds: Math.round((deps.now().getTime() - startedAt) / 1000),
    }),
    'system.provisioning': () => deps.provisioning,
    'system.ready': () => {
      afterFirstScreen.start();
      return { ok: true as const };
    },
  };
}
