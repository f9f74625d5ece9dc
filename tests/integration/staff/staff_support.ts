import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MethodArgs, MethodName, MethodResult, RpcResponse } from '../../../common/contract';
import { ok, type Result } from '../../../common/result';
import { createKioskCore, type KioskCore } from '../../../core/kiosk_core';
import { hashPin } from '../../../core/pins/pin_hash';
import type { PrintDocument, PrintError, Printer, PrintJob } from '../../../core/printing/printer';
import { createMemoryLogger } from '../../../node_shared/logger';
import { writeTestProfile } from '../../support/test_pki';
import { fillLegalAid, REPO } from '../forms/support';

export const STAFF_PIN = '482913';
export const STAFF_PIN_HASH = hashPin(STAFF_PIN);

/** Keeps every printed document so a test can read what would be on paper. */
export class RecordingPrinter implements Printer {
  readonly printed: PrintDocument[] = [];
  async print(doc: PrintDocument): Promise<Result<PrintJob, PrintError>> {
    this.printed.push(doc);
    return ok({ jobId: `job-${this.printed.length}` });
  }
}

export interface StaffCore {
  core: KioskCore;
  root: string;
  configPath: string;
  dataDir: string;
  clock: { now: number };
  printer: RecordingPrinter;
  call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>>;
  raw(method: string, args: unknown): Promise<RpcResponse>;
  /** A visitor files the legal-aid form (with a disability certificate: priority); returns its uuid. */
  visitorSubmits(): Promise<string>;
  close(): void;
}

/** Where a staff core lives: a fresh temp folder by default; a given folder (a test's own file system), or
 * the folders of an earlier core to start it again on the same data. */
export interface StaffCoreFolders {
  root?: string;
  configPath?: string;
  dataDir?: string;
}

/**
 * A real core (SQLite in a temp dir, real dispatcher) provisioned with a staff PIN and a settable clock; its
 * organisation profile trusts the configured hub.
 */
export function startStaffCore(
  overrides: Record<string, unknown> = {},
  where: StaffCoreFolders = {},
): StaffCore {
  process.env.KIOSK_SPEECH_PRERENDER = '0';
  const root = where.root ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-staff-'));
  // A folder the test brought (a mount point) is the test's to clean up; a restart cleans its own.
  const removeOnClose = where.root === undefined || where.configPath !== undefined;
  const configPath = where.configPath ?? path.join(root, 'kiosk.json');
  if (!where.configPath) {
    const sample = JSON.parse(fs.readFileSync(path.join(REPO, 'assets', 'config.sample.json'), 'utf8'));
    fs.writeFileSync(
      configPath,
      JSON.stringify({ ...sample, staff: { id: 'desk-wang', pinHash: STAFF_PIN_HASH }, ...overrides }),
    );
  }
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8')) as { hubUrl?: unknown };
  const clock = { now: Date.parse('2026-11-28T02:00:00Z') };
  const printer = new RecordingPrinter();
  const dataDir = where.dataDir ?? path.join(root, 'data');
  const core = createKioskCore({
    dataDir,
    configPath,
    profilePath: writeTestProfile(root, typeof config.hubUrl === 'string' ? [config.hubUrl] : []),
    appVersion: '1.0.0',
    logger: createMemoryLogger(),
    now: () => new Date(clock.now),
    // One settable clock for wall and monotonic time (idle locks and lockouts count on the latter).
    monotonicMs: () => clock.now,
    printer,
  });
  const call = async <M extends MethodName>(method: M, args: MethodArgs<M>) => {
    const response = await core.dispatch(method, args);
    if (!response.ok) throw new Error(`${method}: ${response.error.code}`);
    return response.value as MethodResult<M>;
  };
  return {
    core,
    root,
    configPath,
    dataDir,
    clock,
    printer,
    call,
    raw: (method, args) => core.dispatch(method, args),
    visitorSubmits: async () => {
      const draftId = await fillLegalAid({ ...core, dataDir, call, raw: (m, a) => core.dispatch(m, a) });
      const submitted = await call('forms.submit', { draftId });
      if (!submitted.ok) throw new Error('submit failed');
      return submitted.uuid;
    },
    close: () => {
      core.close();
      if (removeOnClose) fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
