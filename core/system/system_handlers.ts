import fs from 'node:fs';
import type { CoreDeps } from '../core_deps';
import type { Handlers } from '../rpc/dispatcher';
import { SCHEMA_VERSION } from '../storage/database';
import type { AfterFirstScreen } from './after_first_screen';

type SystemMethod = 'system.health' | 'system.provisioning' | 'system.ready' | 'audit.record';

function diskFreeBytes(dir: string): number {
  const stats = fs.statfsSync(dir);
  return stats.bavail * stats.bsize;
}

/** Health, provisioning, the first screen's start signal and the visitor-side audit trail. */
export function systemHandlers(
  deps: CoreDeps,
  afterFirstScreen: AfterFirstScreen,
): Pick<Handlers, SystemMethod> {
  const startedAt = deps.now().getTime();
  return {
    'system.health': () => ({
      appVersion: deps.appVersion,
      schemaVersion: SCHEMA_VERSION,
      diskFreeBytes: diskFreeBytes(deps.dataDir),
      provisioned: deps.provisioning.provisioned,
      uptimeSeconds: Math.round((deps.now().getTime() - startedAt) / 1000),
    }),
    'system.provisioning': () => deps.provisioning,
    'system.ready': () => {
      afterFirstScreen.start();
      return { ok: true as const };
    },
    'audit.record': ({ action, subject }) => ({ id: deps.audit.record('visitor', action, subject) }),
  };
}
