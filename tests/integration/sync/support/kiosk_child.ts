import path from 'node:path';
import { AuditLog } from '../../../../core/audit_log';
import { loadConfig } from '../../../../core/config/load_config';
import { EventBus } from '../../../../core/event_bus';
import { openDatabase } from '../../../../core/storage/database';
import { createSyncService } from '../../../../core/sync/sync_service';
import { HubIdentityWatch } from '../../../../core/trust/hub_identity_watch';
import { trustedHubEndpoint } from '../../../../core/trust/hub_trust';
import { createLogger } from '../../../../node_shared/logger';
import { loadOrganisationProfile } from '../../../../node_shared/organisation_profile_file';
import { TEST_KEY, testDepsExtras } from '../../../support/kiosk_database';

/**
 * The kiosk core's sync service as its own process, for the kill -9 tests:
 * `node kiosk_child.mjs DATA_DIR CONFIG PROFILE BATCH`. Only the storage and sync parts of the core are built
 * (the same code `createKioskCore` runs), so dozens of children start quickly; the worker starts at
 * once. Prints `ready` and runs until killed.
 */
const [dataDir, configPath, profilePath, batch] = process.argv.slice(2) as [string, string, string, string];
const opened = openDatabase(path.join(dataDir, 'kiosk.sqlite'), TEST_KEY);
const config = loadConfig(configPath);
const profile = loadOrganisationProfile(profilePath);
if (!opened.ok || !config.ok || !profile.ok)
  throw new Error('child could not open its database, config or profile');
const hub = trustedHubEndpoint(profile.value, config.value.hubUrl);
if (!hub.ok) throw new Error('the profile does not trust the hub');
const db = opened.value;
const now = () => new Date();
const logger = createLogger(() => {});
createSyncService(
  {
    db,
    audit: new AuditLog(db, now),
    events: new EventBus(),
    logger,
    dataDir,
    appVersion: '0.1.0',
    config: config.value,
    provisioning: {
      provisioned: false,
      problem: { kind: 'missing', field: '', message: '' },
      enrollmentHubs: [],
    },
    profile: profile.value,
    hub: hub.value,
    hubTrust: null,
    hubIdentity: new HubIdentityWatch(logger, now),
    now,
    ...testDepsExtras(dataDir, now),
  },
  {
    backoff: { baseMs: 10, capMs: 100 },
    batchSize: Number(batch),
    requestTimeoutMs: 2_000,
    idleMs: 20,
    probeMs: 100,
  },
);
process.stdout.write('ready\n');
setInterval(() => {}, 60_000);
