import type { ReviewStatus } from '../../common/status/review_states';

/** A progress found at the hub in this session, and when the hub was asked. */
export interface FoundStatus {
  status: ReviewStatus;
  checkedAt: string;
}

/**
 * What belongs to the visitor at the screen now: the drafts started, resumed or handed over in this session,
 * the submissions filed in it and the progress looked up last (for its printed slip). A visitor prints only these; everything else needs staff mode. The session
 * ends with `forms.end_session` (the renderer's session reset) and with the core; what else holds something of
 * the session (the ID card reader listening for its draft) registers with `onEnd`.
 */
export class VisitorSession {
  private readonly drafts = new Set<string>();
  private readonly submissions = new Set<string>();
  private readonly endListeners: (() => void)[] = [];
  private foundStatus: FoundStatus | null = null;

  onEnd(listener: () => void): void {
    this.endListeners.push(listener);
  }

  /** A draft this visitor started, resumed or answered in: it becomes the latest. */
  addDraft(draftId: string): void {
    this.drafts.delete(draftId);
    this.drafts.add(draftId);
  }

  addSubmission(uuid: string): void {
    this.submissions.add(uuid);
  }

  /** The draft this visitor worked on last (it may have been submitted or discarded since). */
  latestDraft(): string | null {
    return [...this.drafts].at(-1) ?? null;
  }

  ownsDraft(draftId: string): boolean {
    return this.drafts.has(draftId);
  }

  ownsSubmission(uuid: string): boolean {
    return this.submissions.has(uuid);
  }

  rememberStatus(found: FoundStatus): void {
    this.foundStatus = found;
  }

  lastStatus(): FoundStatus | null {
    return this.foundStatus;
  }

  end(): void {
    this.drafts.clear();
    this.submissions.clear();
    this.foundStatus = null;
    for (const listener of this.endListeners) listener();
  }
}
