import type { CoreDeps } from '../core_deps';
import type { Handlers } from '../rpc/dispatcher';
import { createSessionActivity, type SessionActivity } from './session_activity';
import { noSelfUpdate, type UpdateInstaller } from './update_installer';
import { UpdateRecord } from './update_record';
import { UpdateService } from './update_service';

export interface Updates {
  /** Null on an unprovisioned terminal: there is no feed to follow. */
  service: UpdateService | null;
  record: UpdateRecord;
  /** Whether a visitor is at the screen, as the renderer reports it. */
  session: SessionActivity;
  close(): void;
}

/**
 * Self-update: settles the record of the last attempt at start-up (did the new version come up?), runs the
 * update service, and takes the renderer's reports of visitor activity (an update never installs under a
 * visitor).
 */
export function startUpdates(deps: CoreDeps, installer: UpdateInstaller = noSelfUpdate): Updates {
  const session = createSessionActivity(deps.now);
  const record = new UpdateRecord(deps.db);
  const report = record.settleAtStartup(deps.appVersion);
  if (report.status === 'update_failed')
    deps.logger.warn('updates.failed_start', { attempted: report.attemptedVersion });
  const service = deps.config
    ? new UpdateService({
        config: deps.config,
        hub: deps.hub,
        identity: deps.hubIdentity,
        publicKeys: deps.profile?.updates.publicKeys ?? [],
        appVersion: deps.appVersion,
        installer,
        session,
        record,
        logger: deps.logger,
        now: deps.now,
      })
    : null;
  const stop = service?.start();
  return {
    service,
    record,
    session,
    close: () => stop?.(),
  };
}

/** The renderer's reports of visitor activity: an update never installs under a visitor. */
export function updatesHandlers(updates: Updates): Pick<Handlers, 'session.set_active'> {
  return {
    'session.set_active': ({ active }) => {
      updates.session.set(active);
      return { ok: true };
    },
  };
}
