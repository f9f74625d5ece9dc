import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MethodArgs, MethodName, MethodResult, RpcResponse } from '../../../common/contract';
import type { AnswerValue } from '../../../common/forms/answers';
import { createKioskCore, type KioskCore } from '../../../core/kiosk_core';
import type { Printer } from '../../../core/printing/printer';
import { createMemoryLogger } from '../../../node_shared/logger';

export const REPO = path.resolve(import.meta.dirname, '../../..');

/** A fictitious applicant with a disability certificate (numbers computed from GB 11643, nobody real). */
export const LEGAL_AID_ANSWERS: [string, AnswerValue][] = [
  ['filer_role', 'self'],
  ['full_name', '张示例'],
  ['sex', 'female'],
  ['birth_date', '1990-03-07'],
  ['ethnicity', '蒙古族'],
  ['resident_id', '150203199003070025'],
  ['phone', '13800000000'],
  ['address', '包头市昆都仑区示例路1号'],
  ['has_disability_cert', true],
  ['disability_category', 'category_4'],
  ['disability_level', 'level_2'],
  ['disability_cert_no', '15020319900307002542'],
  ['aid_type', 'labour_arbitration'],
  ['matter_cause', 'labour_pay'],
  ['case_stage', 'not_started'],
  ['urgent_deadline', false],
  ['other_party', '示例建材有限公司'],
  ['matter_description', '公司拖欠我三个月工资，共九千元，多次索要未果。'],
  ['art32_group', 'none'],
  ['art42_group', ['no_income_disabled']],
  ['honesty_commitment', 'agree'],
  ['accommodations', ['sign_language', 'home_visit']],
  ['preferred_lawyer', 'no_preference'],
  ['signature', 'M 10 10 L 100 50 L 200 20'],
];

export interface TestCore extends KioskCore {
  dataDir: string;
  call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>>;
  raw(method: string, args: unknown): Promise<RpcResponse>;
}

/** A real core on a real SQLite file in a temp dir (speech pre-rendering off). */
export function startTestCore(
  options: {
    printer?: Printer;
    dataDir?: string;
    now?: () => Date;
    configPath?: string;
    sweepMs?: number;
  } = {},
): TestCore {
  process.env.KIOSK_SPEECH_PRERENDER = '0';
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-forms-'));
  const core = createKioskCore({
    dataDir,
    configPath: options.configPath ?? path.join(REPO, 'assets', 'config.sample.json'),
    appVersion: '0.0.0-test',
    logger: createMemoryLogger(),
    ...(options.printer ? { printer: options.printer } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.sweepMs ? { sweepMs: options.sweepMs } : {}),
  });
  return {
    ...core,
    dataDir,
    raw: (method, args) => core.dispatch(method, args),
    async call(method, args) {
      const response = await core.dispatch(method, args);
      if (!response.ok)
        throw new Error(`${method}: ${response.error.code} ${JSON.stringify(response.error.issues)}`);
      return response.value as never;
    },
  };
}

/** Starts a legal-aid draft and answers every question; returns the draft id. */
export async function fillLegalAid(core: TestCore): Promise<string> {
  const started = await core.call('forms.start_draft', { templateId: 'legal_aid_application' });
  if (!started.ok) throw new Error('start failed');
  for (const [stepId, value] of LEGAL_AID_ANSWERS) {
    const saved = await core.call('forms.save_answer', { draftId: started.draft.draftId, stepId, value });
    if (!saved.ok) throw new Error(`${stepId}: ${JSON.stringify(saved)}`);
  }
  return started.draft.draftId;
}
