import fs from 'node:fs';
import type { KioskConfig } from '../../common/config_schema';
import {
  ENROLL_PATH,
  enrollmentTemplateSchema,
  normalizeEnrollmentCode,
  redeemResponseSchema,
} from '../../common/provisioning/enrollment';
import { err, ok, type Result } from '../../common/result';
import { hubIdOfToken } from '../../common/sync/token_format';
import type { OrganisationProfile } from '../../common/trust/organisation_profile';
import { hubRequest } from '../../node_shared/hub_request';
import type { HubIdentityWatch } from '../trust/hub_identity_watch';
import { trustedHubEndpoint } from '../trust/hub_trust';
import { parseConfig } from './load_config';
import { writeConfigFile } from './write_config_file';

export type ProvisionProblem =
  | { kind: 'hub_not_in_profile' | 'bad_code' | 'exists' | 'unreachable' | 'not_a_hub' | 'write_failed' }
  | { kind: 'hub_identity_mismatch' }
  | { kind: 'unknown_code' | 'code_used' | 'code_expired' }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  /** The answer tried to set fields an enrollment may not (programs, keys, external URLs, PIN hashes …). */
  | { kind: 'forbidden_fields'; fields: string[] }
  | { kind: 'invalid_config'; field: string; message: string };

export interface ProvisionRequest {
  hubUrl: string;
  /** As typed: `1234 5678 9012` or `1234-5678-9012`. */
  code: string;
  outFile: string;
  /** The organisation profile shipped with the build: only its hubs may enroll this terminal. */
  profile: OrganisationProfile | null;
  /** Replace an existing provisioning file (a re-provisioned terminal). */
  overwrite?: boolean;
  identity?: HubIdentityWatch;
  timeoutMs?: number;
}

const REFUSALS: Record<string, 'bad_code' | 'unknown_code' | 'code_used' | 'code_expired'> = {
  invalid_code: 'bad_code',
  unknown_code: 'unknown_code',
  code_used: 'code_used',
  code_expired: 'code_expired',
};

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
}

/**
 * Sets up a new terminal from `hubUrl + code`: only with a hub of the organisation profile, over TLS that
 * accepts only that hub's certificate. Redeems the one-time code, takes from the answer only the fields an
 * enrollment may set (`enrollmentTemplateSchema`: an answer with anything else is refused whole, and nothing
 * is written), adds the terminal id, token and hub address, validates the file with the schema the app
 * starts with (a refusal names the field) and writes it atomically, owner-only. Everything that can be
 * checked locally is checked before the code is spent.
 */
export async function provisionFromCode(
  request: ProvisionRequest,
): Promise<Result<{ config: KioskConfig; file: string }, ProvisionProblem>> {
  const hub = trustedHubEndpoint(request.profile, request.hubUrl);
  if (!hub.ok) return err({ kind: 'hub_not_in_profile' });
  const digits = normalizeEnrollmentCode(request.code);
  if (!digits) return err({ kind: 'bad_code' });
  if (!request.overwrite && fs.existsSync(request.outFile)) return err({ kind: 'exists' });

  const body = Buffer.from(JSON.stringify({ code: digits }), 'utf8');
  const answer = await hubRequest(hub.value, ENROLL_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': body.length },
    body,
    maxAnswerBytes: 64 * 1024,
    timeoutMs: request.timeoutMs ?? 15_000,
  });
  if (!answer.ok) {
    if (answer.error.kind !== 'identity_mismatch') return err({ kind: 'unreachable' });
    request.identity?.mismatch('enrollment');
    return err({ kind: 'hub_identity_mismatch' });
  }
  const { status, headers } = answer.value;
  const json = parseJson(answer.value.body) as { error?: unknown } | null;
  if (status === 429) {
    const retryAfterSeconds = Number(headers['retry-after'] ?? 60);
    return err({
      kind: 'rate_limited',
      retryAfterSeconds: Number.isFinite(retryAfterSeconds) ? retryAfterSeconds : 60,
    });
  }
  if (status !== 200) {
    const kind = typeof json?.error === 'string' ? REFUSALS[json.error] : undefined;
    return err({ kind: kind ?? 'not_a_hub' });
  }
  const redeemed = redeemResponseSchema.safeParse(json);
  if (!redeemed.success || hubIdOfToken(redeemed.data.hubToken) !== redeemed.data.hubId)
    return err({ kind: 'not_a_hub' });
  const { terminalId, hubToken } = redeemed.data;
  const template = enrollmentTemplateSchema.safeParse(redeemed.data.template);
  if (!template.success) {
    const { issues } = template.error;
    const fields = issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => [...issue.path.map(String), key].join('.'))
        : [],
    );
    if (fields.length > 0) return err({ kind: 'forbidden_fields', fields: fields.sort() });
    const issue = issues[0]!;
    return err({ kind: 'invalid_config', field: issue.path.map(String).join('.'), message: issue.message });
  }
  // The hub's terminal id and token and the address just used; the rest only from the allow-list.
  const assembled = { terminalId, ...template.data, hubUrl: hub.value.origin, hubToken };
  const text = `${JSON.stringify(assembled, null, 2)}\n`;
  const config = parseConfig(text);
  if (!config.ok)
    return err({ kind: 'invalid_config', field: config.error.field, message: config.error.message });
  if (!writeConfigFile(request.outFile, text)) return err({ kind: 'write_failed' });
  return ok({ config: config.value, file: request.outFile });
}
