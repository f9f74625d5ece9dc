/**
 * What belongs to the visitor at the screen now: the drafts started, resumed or handed over in this session
 * and the submissions filed in it. A visitor prints only these; everything else needs staff mode. The session
 * ends with `forms.end_session` (the renderer's session reset) and with the core; what else holds something of
 * the session (the ID card reader listening for its draft) registers with `onEnd`.
 */
export class VisitorSession {
  private readonly drafts = new Set<string>();
  private readonly submissions = new Set<string>();
  private readonly endListeners: (() => void)[] = [];

  onEnd(listener: () => void): void {
    this.endListeners.push(listener);
  }

  addDraft(draftId: string): void {
    this.drafts.add(draftId);
  }

  addSubmission(uuid: string): void {
    this.submissions.add(uuid);
  }

  ownsDraft(draftId: string): boolean {
    return this.drafts.has(draftId);
  }

  ownsSubmission(uuid: string): boolean {
    return this.submissions.has(uuid);
  }

  end(): void {
    this.drafts.clear();
    this.submissions.clear();
    for (const listener of this.endListeners) listener();
  }
}
