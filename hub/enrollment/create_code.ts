import type { z } from 'zod';
import {
  createEnrollmentCodeRequestSchema,
  formatEnrollmentCode,
} from '../../common/provisioning/enrollment';
import { err, ok, type Result } from '../../common/result';
import type { HubStore } from '../storage/hub_store';
import { createCode } from './enrollment_codes';

export interface IssuedCode {
  codeId: string;
  /** Formatted in groups (`1234-5678-9012`); shown once. */
  code: string;
  terminalId: string;
  expiresAt: string;
}

function fieldOf(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0]!;
  const keys = 'keys' in issue && Array.isArray(issue.keys) ? issue.keys.join(', ') : '';
  const field = [...issue.path.map(String), ...(keys ? [keys] : [])].join('.');
  return { field, message: issue.message.slice(0, 200) };
}

/**
 * Validates an administrator's request (terminal id, provisioning template, lifetime) and stores a new
 * one-time code for it. A refusal names the field, e.g. `template.session.idleSeconds`.
 */
export async function createEnrollmentCode(
  store: HubStore,
  request: unknown,
  now: Date,
): Promise<Result<IssuedCode, { field: string; message: string }>> {
  const parsed = createEnrollmentCodeRequestSchema.safeParse(request);
  if (!parsed.success) return err(fieldOf(parsed.error));
  const { terminalId, template, hours } = parsed.data;
  const created = await createCode(store, { terminalId, centre: template.centre.id, template, now, hours });
  return ok({
    codeId: created.codeId,
    code: formatEnrollmentCode(created.code),
    terminalId,
    expiresAt: created.expiresAt,
  });
}
