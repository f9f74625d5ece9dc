import path from 'node:path';
import { parseHubUrl } from '../common/trust/hub_url';
import { loadOrganisationProfile } from '../node_shared/organisation_profile_file';

/**
 * Runs before `npm run dist` packages a build: the organisation profile it ships must be the centre's own
 * (not the repository's sample), name only https hubs with a CA or pin, and carry at least one release key.
 * A build without these would trust nothing or the wrong thing, and could not update itself.
 */
const file = process.argv[2] ?? path.join(import.meta.dirname, '..', 'assets', 'organisation_profile.json');
const loaded = loadOrganisationProfile(file);
const problems: string[] = [];
if (!loaded.ok) problems.push(`${loaded.error.field || 'file'}: ${loaded.error.message}`);
else {
  const profile = loaded.value;
  if (profile.sample)
    problems.push('this is the sample profile ("sample": true): put in your own hubs and keys');
  for (const hub of profile.hubs) {
    const url = parseHubUrl(hub.url);
    if (!url.ok || url.value.protocol !== 'https:')
      problems.push(`${hub.url}: terminals reach hubs over https only`);
  }
  if (profile.updates.publicKeys.length === 0)
    problems.push('updates.publicKeys is empty: add the key printed by npm run release:key');
}
if (problems.length > 0) {
  process.stderr.write(
    `The organisation profile ${file} is not ready for a release:\n- ${problems.join('\n- ')}\n`,
  );
  process.exit(1);
}
process.stdout.write(
  `Organisation profile ${file}: ready (${loaded.ok ? loaded.value.hubs.length : 0} hub(s)).\n`,
);
