import type { HubStore } from './storage/hub_store';

/**
 * How long the hub keeps the personal data (the answers) of an application after the front desk marked it
 * handled. 180 days: the legal-aid office's follow-up visits (回访) and the quality checks the policy links
 * to satisfaction (POLICY.md § 2) happen within months of handling, and the case itself lives in the office's
 * own case system, not on the hub. Unhandled applications are never purged; the receipt number, hash and
 * filing record stay, so a kiosk resending one is still answered with its receipt.
 */
export const DEFAULT_HUB_RETENTION_DAYS = 180;
const DAY_MS = 24 * 3600 * 1000;

/** Blanks the answers of applications handled more than `days` days before `now`; returns how many. */
export function purgeHandledApplications(store: HubStore, now: Date, days: number): Promise<number> {
  return store.purgeHandled(new Date(now.getTime() - days * DAY_MS).toISOString(), now.toISOString());
}
