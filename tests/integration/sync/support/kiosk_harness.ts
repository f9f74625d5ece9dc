import fs from 'node:fs';
import path from 'node:path';
import type { KioskConfigInput } from '../../../../common/config_schema';
import type { AnswerValue } from '../../../../common/forms/answers';
import { SubmissionStore } from '../../../../core/forms/submissions';
import type { KioskDatabase } from '../../../../core/storage/database';
import { openDatabase } from '../../../../core/storage/database';
import { TEST_KEY } from '../../../support/kiosk_database';
import { STAFF_PIN_HASH } from '../../staff/staff_support';

/** Writes a provisioning file for a terminal pointing at `hubUrl`; returns its path. */
export function writeKioskConfig(dir: string, terminalId: string, hubUrl: string, hubToken: string): string {
  const config: KioskConfigInput = {
    terminalId,
    centre: { id: 'centre-a', name: 'Test centre', phone: '12348' },
    platformLevel: 'village',
    hubUrl,
    hubToken,
    // Staff mode, for the staff-only sync methods (sync.problems, sync.send_now).
    staff: { id: 'desk', pinHash: STAFF_PIN_HASH },
  };
  const file = path.join(dir, 'kiosk-config.json');
  fs.writeFileSync(file, JSON.stringify(config));
  return file;
}

export function openKioskDb(dataDir: string): KioskDatabase {
  const opened = openDatabase(path.join(dataDir, 'kiosk.sqlite'), TEST_KEY);
  if (!opened.ok) throw new Error('database from a newer app');
  return opened.value;
}

/**
 * Files `count` applications through the forms core's own submit (submission + outbox row in one
 * transaction), as a visitor finishing the fixture form would. Returns uuid → sha256.
 */
export function fileSubmissions(
  db: KioskDatabase,
  terminalId: string,
  count: number,
  answers: (i: number) => Record<string, AnswerValue> = (i) => ({ topic: `topic ${i}`, urgent: i % 2 === 0 }),
  template = { id: 'sync_fixture_form', version: '1.0.0' },
): Map<string, string> {
  const store = new SubmissionStore(db);
  const filed = new Map<string, string>();
  // One outer transaction (each submit is a savepoint inside it) so thousands of filings take seconds.
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const row = store.submit({
        draftId: 'none',
        template,
        terminalId,
        centreId: 'centre-a',
        priority: false,
        assisted: false,
        answers: answers(i),
        feeReduction: null,
        now: new Date(),
      });
      filed.set(row.uuid, row.sha256);
    }
  })();
  return filed;
}

export function outboxStates(db: KioskDatabase): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of db.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all() as {
    state: string;
    n: number;
  }[])
    counts[row.state] = row.n;
  return counts;
}

/** Polls `check` until true or `timeoutMs` passes (bounded: never loops forever). */
export async function waitFor(check: () => boolean, timeoutMs: number, stepMs = 20): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  return check();
}

export async function waitForAsync(
  check: () => Promise<boolean>,
  timeoutMs: number,
  stepMs = 20,
): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  return check();
}
