import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../../common/config_schema';
import { heartbeatSchema } from '../../../common/sync/protocol';
import { AuditLog } from '../../../core/audit_log';
import type { CoreDeps } from '../../../core/core_deps';
import { createFakeDevices } from '../../../core/diagnostics/fake_devices';
import { startTechnician } from '../../../core/diagnostics/technician_service';
import { EventBus } from '../../../core/event_bus';
import { openDatabase } from '../../../core/storage/database';
import { HubIdentityWatch } from '../../../core/trust/hub_identity_watch';
import { createMemoryLogger } from '../../../node_shared/logger';

const sample = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../../assets/config.sample.json'), 'utf8'),
);

function deps(dataDir: string, appVersion: string, printerName = ''): CoreDeps {
  const opened = openDatabase(path.join(dataDir, 'kiosk.sqlite'));
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
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('heartbeat extras from the technician service', () => {
  it('report printer and speech status (refreshed per heartbeat) and a failed update after restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'extras-'));
    const devices = createFakeDevices({ delayMs: 1 });
    const first = startTechnician(deps(dataDir, '1.3.0'), { configPath: undefined, devices });
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
    const restarted = startTechnician(deps(dataDir, '1.3.0', 'Receipt 80mm'), {
      configPath: undefined,
      devices,
    });
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
