import { err, ok, type Result } from '../../common/result';
import { type OrganisationProfile, profileHubFor } from '../../common/trust/organisation_profile';
import { type HubEndpoint, hubEndpoint } from '../../node_shared/hub_request';

/** `no_profile`: the build's organisation profile is missing or invalid; `not_in_profile`: not our hub. */
export type HubTrustProblem = 'no_profile' | 'not_in_profile';

/**
 * The only way the core reaches a hub: the address must be a hub of the organisation profile, and the
 * connection then accepts only that hub's certificate (its CA and pins from the profile).
 */
export function trustedHubEndpoint(
  profile: OrganisationProfile | null,
  hubUrl: string,
): Result<HubEndpoint, HubTrustProblem> {
  if (!profile) return err('no_profile');
  const hub = profileHubFor(profile, hubUrl);
  if (!hub) return err('not_in_profile');
  const endpoint = hubEndpoint(hub.url, hub);
  return endpoint.ok ? ok(endpoint.value) : err('not_in_profile');
}
