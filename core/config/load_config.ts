import fs from 'node:fs';
import { type KioskConfig, kioskConfigSchema } from '../../common/config_schema';
import type { ConfigProblem } from '../../common/contract/system_methods';
import { err, ok, type Result } from '../../common/result';

/** Largest provisioning file accepted; a real one is a few hundred bytes. */
const MAX_CONFIG_BYTES = 64 * 1024;

/** Parses provisioning JSON text; the error names the first bad field. */
export function parseConfig(text: string): Result<KioskConfig, ConfigProblem> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err({ kind: 'bad_json', field: '', message: 'The provisioning file is not valid JSON.' });
  }
  const parsed = kioskConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.');
    const keys = 'keys' in issue && Array.isArray(issue.keys) ? issue.keys.join(', ') : '';
    return err({
      kind: 'invalid',
      field: field || keys,
      message: issue.code === 'unrecognized_keys' ? `Unknown field: ${keys}` : issue.message,
    });
  }
  return ok(parsed.data);
}

/** Reads and validates the provisioning file of this terminal. */
export function loadConfig(file: string | undefined): Result<KioskConfig, ConfigProblem> {
  if (!file) return err({ kind: 'missing', field: '', message: 'No provisioning file is configured.' });
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (stat.size > MAX_CONFIG_BYTES) {
      return err({ kind: 'unreadable', field: '', message: 'The provisioning file is too large.' });
    }
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return err({
      kind: missing ? 'missing' : 'unreadable',
      field: '',
      message: missing ? 'The provisioning file does not exist.' : 'The provisioning file cannot be read.',
    });
  }
  return parseConfig(text);
}
