import fs from 'node:fs';
import { err, ok, type Result } from '../common/result';
import { type OrganisationProfile, organisationProfileSchema } from '../common/trust/organisation_profile';

/** Why the profile could not be used; `field` names the first bad field. */
export interface ProfileProblem {
  kind: 'missing' | 'unreadable' | 'invalid';
  field: string;
  message: string;
}

const MAX_PROFILE_BYTES = 128 * 1024;

/** Reads and validates the organisation profile shipped with the build. */
export function loadOrganisationProfile(file: string): Result<OrganisationProfile, ProfileProblem> {
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_PROFILE_BYTES)
      return err({ kind: 'unreadable', field: '', message: 'The organisation profile is too large.' });
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return err({
      kind: missing ? 'missing' : 'unreadable',
      field: '',
      message: missing
        ? 'The organisation profile does not exist.'
        : 'The organisation profile cannot be read.',
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err({ kind: 'invalid', field: '', message: 'The organisation profile is not valid JSON.' });
  }
  const parsed = organisationProfileSchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0]!;
  return err({ kind: 'invalid', field: issue.path.map(String).join('.'), message: issue.message });
}
