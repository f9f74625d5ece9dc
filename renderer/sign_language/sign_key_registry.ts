/**
 * The sign keys of the screen on show, registered by its components: the heading (catalog keys), a form step
 * (its question, help and options), an article. `screen` keys can be the screen's own clip (the first one
 * that has a clip, highest priority first); `part` keys only play when their element has focus.
 */
export interface SignKeyEntry {
  keys: readonly string[];
  role: 'screen' | 'part';
  priority: number;
}

export class SignKeyRegistry {
  private readonly entries = new Map<symbol, SignKeyEntry>();
  private readonly listeners = new Set<() => void>();
  private notifying = false;

  register(entry: SignKeyEntry): () => void {
    const id = Symbol('sign-keys');
    this.entries.set(id, entry);
    this.changed();
    return () => {
      this.entries.delete(id);
      this.changed();
    };
  }

  /** Keys of a role, highest priority first (registration order among equals), without repeats. */
  keys(role?: SignKeyEntry['role']): string[] {
    const entries = [...this.entries.values()]
      .map((entry, order) => ({ entry, order }))
      .filter(({ entry }) => role === undefined || entry.role === role)
      .sort((a, b) => b.entry.priority - a.entry.priority || a.order - b.order);
    return [...new Set(entries.flatMap(({ entry }) => entry.keys))];
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One notification per batch: a new screen's components register in the same commit. */
  private changed(): void {
    if (this.notifying) return;
    this.notifying = true;
    queueMicrotask(() => {
      this.notifying = false;
      for (const listener of this.listeners) listener();
    });
  }
}
