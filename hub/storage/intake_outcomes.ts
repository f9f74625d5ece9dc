import type { IntakeOutcome, NewSubmission } from './hub_store';

export interface StoredIdentity {
  uuid: string;
  sha256: string;
  terminal_id: string;
  received_at: string;
}

/**
 * The outcome of each item of a batch, from whether its insert took and the row stored under its uuid
 * afterwards (read in the same transaction). Same id from another terminal, or other content under the
 * same id, is a conflict, never an update.
 */
export function decideOutcomes(
  hubId: string,
  items: readonly NewSubmission[],
  inserted: readonly boolean[],
  stored: readonly StoredIdentity[],
): IntakeOutcome[] {
  return items.map(({ uuid, envelope }, index): IntakeOutcome => {
    const row = stored[index]!;
    const receipt = { uuid, sha256: row.sha256, hubId, receivedAt: row.received_at };
    if (inserted[index]) return { kind: 'created', receipt };
    if (row.sha256 !== envelope.sha256 || row.terminal_id !== envelope.terminalId)
      return { kind: 'conflict' };
    return { kind: 'duplicate', receipt };
  });
}
