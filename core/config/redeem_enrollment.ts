import fs from 'node:fs';
import type { KioskConfig } from '../../common/config_schema';
import {
  ENROLL_PATH,
  normalizeEnrollmentCode,
  redeemResponseSchema,
} from '../../common/provisioning/enrollment';
import { err, ok, type Result } from '../../common/result';
import { parseConfig } from './load_config';
import { writeConfigFile } from './write_config_file';

export type ProvisionProblem =
  | { kind: 'bad_hub_url' | 'bad_code' | 'exists' | 'unreachable' | 'not_a_hub' | 'write_failed' }
  | { kind: 'unknown_code' | 'code_used' | 'code_expired' }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'invalid_config'; field: string; message: string };

export interface ProvisionRequest {
  hubUrl: string;
  /** As typed: `1234 5678 9012` or `1234-5678-9012`. */
  code: string;
  outFile: string;
  /** Replace an existing provisioning file (a re-provisioned terminal). */
  overwrite?: boolean;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

const REFUSALS: Record<string, 'bad_code' | 'unknown_code' | 'code_used' | 'code_expired'> = {
  invalid_code: 'bad_code',
  unknown_code: 'unknown_code',
  code_used: 'code_used',
  code_expired: 'code_expired',
};

function hubBase(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    if (parsed.username || parsed.password || parsed.search || parsed.hash) return null;
    return parsed.href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/**
 * Sets up a new terminal from `hubUrl + code`: redeems the one-time code at the hub, assembles the
 * provisioning file (the hub's template + terminal id + token + the hub address used), validates it with
 * the schema the app starts with (a refusal names the field) and writes it atomically, owner-only.
 * Everything that can be checked locally is checked before the code is spent.
 */
export async function provisionFromCode(
  request: ProvisionRequest,
): Promise<Result<{ config: KioskConfig; file: string }, ProvisionProblem>> {
  const base = hubBase(request.hubUrl);
  if (!base) return err({ kind: 'bad_hub_url' });
  const digits = normalizeEnrollmentCode(request.code);
  if (!digits) return err({ kind: 'bad_code' });
  if (!request.overwrite && fs.existsSync(request.outFile)) return err({ kind: 'exists' });

  let response: Response;
  try {
    response = await (request.fetchImpl ?? fetch)(`${base}${ENROLL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: digits }),
      redirect: 'error',
      signal: AbortSignal.timeout(request.timeoutMs ?? 15_000),
    });
  } catch {
    return err({ kind: 'unreachable' });
  }
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  if (response.status === 429) {
    const retryAfterSeconds = Number(response.headers.get('retry-after') ?? 60);
    return err({
      kind: 'rate_limited',
      retryAfterSeconds: Number.isFinite(retryAfterSeconds) ? retryAfterSeconds : 60,
    });
  }
  if (!response.ok) {
    const kind = typeof body?.error === 'string' ? REFUSALS[body.error] : undefined;
    return err({ kind: kind ?? 'not_a_hub' });
  }
  const redeemed = redeemResponseSchema.safeParse(body);
  if (!redeemed.success) return err({ kind: 'not_a_hub' });
  const { terminalId, hubToken, template } = redeemed.data;
  // The hub's terminal id, token and the address just used win over anything in the template.
  const assembled: Record<string, unknown> = { terminalId, ...template, hubUrl: base, hubToken };
  assembled.terminalId = terminalId;
  const text = `${JSON.stringify(assembled, null, 2)}\n`;
  const config = parseConfig(text);
  if (!config.ok)
    return err({ kind: 'invalid_config', field: config.error.field, message: config.error.message });
  if (!writeConfigFile(request.outFile, text)) return err({ kind: 'write_failed' });
  return ok({ config: config.value, file: request.outFile });
}
