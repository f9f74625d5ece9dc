import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../../common/config_schema';
import { heartbeatSchema } from '../../../common/sync/protocol';
import { AuditLog } from '../../../core/audit_log';
import type { CoreDeps } from '../../../core/core_deps';
import { heartbeatDeviceStatus } from '../../../core/diagnostics/device_status';
import { createFakeDevices } from '../../../core/diagnostics/fake_devices';
import { EventBus } from '../../../core/event_bus';
import { openDatabase } from '../../../core/storage/database';
import { HubIdentityWatch } from '../../../core/trust/hub_identity_watch';
import { startUpdates } from '../../../core/updates/updates_feature';
import { createMemoryLogger } from '../../../node_shared/logger';
import { TEST_KEY, testDepsExtras } from '../../support/kiosk_database';

const sample = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../assets/config.sample.json'), 'utf8'),
);

function deps(dataDir: string, appVersion: string, printerName = ''): CoreDeps {
  const opened = openDatabase(path.join(dataDir, 'kiosk.sqlite'), TEST_KEY);
  if (!opened.ok) throw new Error('db');
  const config = kioskConfigSchema.parse({ ...sample, printer: { name: printerName, paper: 'A4' } });
  const logger = createMemoryLogger();
  return {
    db: opened.value,
    audit: new AuditLog(opened.value),
    events: new EventBus(),
    logger,
    dataDir,
    appVersion,
    config,
    provisioning: {
      provisioned: false,
      problem: { kind: 'missing', field: '', message: '' },
      enrollmentHubs: [],
    },
    profile: null,
    hub: null,
    hubTrust: 'no_profile',
    hubIdentity: new HubIdentityWatch(logger, () => new Date()),
    now: () => new Date(),
    ...testDepsExtras(dataDir, () => new Date()),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

/** What the core wires for the heartbeat: the update record of this start, the devices' state. */
function startExtras(dataDir: string, appVersion: string, printerName = '') {
  const coreDeps = deps(dataDir, appVersion, printerName);
  const updates = startUpdates(coreDeps);
  const devices = createFakeDevices({ delayMs: 1 });
  return {
    heartbeatExtras: heartbeatDeviceStatus(devices, devices.speech, printerName, updates.record),
    record: updates.record,
    close: () => {
      updates.close();
      coreDeps.db.close();
    },
  };
}

describe('heartbeat extras from the technician service', () => {
  it('report printer and speech status (refreshed per heartbeat) and a failed update after restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'extras-'));
    const first = startExtras(dataDir, '1.3.0');
    expect(first.heartbeatExtras()).toEqual({
      printer: { status: 'unknown' },
      speech: { status: 'unknown' },
      update: { status: 'none' },
    });
    await settle();
    expect(first.heartbeatExtras()).toMatchObject({ printer: { status: 'ok' }, speech: { status: 'ok' } });
    // The update service hands 1.4.0 to the installer; the app comes back as 1.3.0.
    first.record.recordAttempt('1.4.0');
    first.close();
    const restarted = startExtras(dataDir, '1.3.0', 'Receipt 80mm');
    restarted.heartbeatExtras();
    await settle();
    const extras = restarted.heartbeatExtras();
    expect(extras).toEqual({
      printer: { status: 'offline' },
      speech: { status: 'ok' },
      update: { status: 'update_failed', attemptedVersion: '1.4.0', runningVersion: '1.3.0' },
    });
    const heartbeat = {
      appVersion: '1.3.0',
      schemaVersion: 3,
      queue: { pending: 0, rejected: 0, quarantined: 0 },
      lastSyncAt: null,
      ...extras,
    };
    expect(heartbeatSchema.safeParse(heartbeat).success).toBe(true);
    restarted.close();
  });
});
