import { createKioskCore, type KioskCore } from '../../../../core/kiosk_core';
import type { SyncTuning } from '../../../../core/sync/sync_service';
import { createMemoryLogger } from '../../../../node_shared/logger';
import { writeTestProfile } from '../../../support/test_pki';
import { STAFF_PIN } from '../../staff/staff_support';
import { tempDir } from './hub_harness';
import { writeKioskConfig } from './kiosk_harness';

/** Short timings so retries happen in milliseconds, not minutes. */
export const FAST_SYNC: Partial<SyncTuning> = {
  backoff: { baseMs: 20, capMs: 200 },
  requestTimeoutMs: 2_000,
  idleMs: 50,
  probeMs: 200,
};

/** A kiosk core in this process, provisioned for `hubUrl` with `token`; its organisation profile trusts that hub. */
export function startKioskCore(
  hubUrl: string,
  token: string,
  options: { terminalId?: string; sync?: Partial<SyncTuning>; dataDir?: string } = {},
): KioskCore & { dataDir: string } {
  process.env.KIOSK_SPEECH_PRERENDER = '0';
  const dataDir = options.dataDir ?? tempDir('kiosk');
  const core = createKioskCore({
    dataDir,
    configPath: writeKioskConfig(dataDir, options.terminalId ?? 'kiosk-1', hubUrl, token),
    profilePath: writeTestProfile(dataDir, [hubUrl]),
    appVersion: '0.1.0',
    logger: createMemoryLogger(),
    sync: { ...FAST_SYNC, ...options.sync },
  });
  return Object.assign(core, { dataDir });
}

/** Opens staff mode on `core` (the staff-only sync methods need it), as staff at the screen would. */
export async function unlockStaff(core: KioskCore): Promise<void> {
  const response = await core.dispatch('staff.unlock', { pin: STAFF_PIN });
  if (!response.ok || (response.value as { ok: boolean }).ok !== true) throw new Error('staff unlock failed');
}
