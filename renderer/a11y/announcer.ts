/**
 * The page's two live regions (ACCESSIBILITY.md row 22): one polite for status, one assertive for errors.
 * Each message carries a number so the same text twice is announced twice.
 */
export interface Announcement {
  text: string;
  serial: number;
}

export interface Announcements {
  polite: Announcement | null;
  assertive: Announcement | null;
}

export class Announcer {
  private state: Announcements = { polite: null, assertive: null };
  private serial = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly onAssertive: (text: string) => void = () => {}) {}

  getState = (): Announcements => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  polite(text: string): void {
    this.set({ ...this.state, polite: { text, serial: ++this.serial } });
  }

  /** Errors: announced at once and spoken too. */
  assertive(text: string): void {
    this.set({ ...this.state, assertive: { text, serial: ++this.serial } });
    this.onAssertive(text);
  }

  clear(): void {
    this.set({ polite: null, assertive: null });
  }

  private set(state: Announcements): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
