/** One holder of a visitor's data and how to wipe it. */
export interface VisitorDataHolder {
  name: string;
  wipe: () => void;
}

/**
 * The one list of everything that holds a visitor's data beyond the screen tree (which the app re-creates
 * for each session). Created with the session in the app (`kiosk_session.ts`); the session store wipes
 * every holder, in the order registered, when the session ends.
 */
export class VisitorData {
  private readonly holders: VisitorDataHolder[] = [];

  /** Adds a holder; returns the function that removes it again. */
  register(name: string, wipe: () => void): () => void {
    const holder = { name, wipe };
    this.holders.push(holder);
    return () => {
      const index = this.holders.indexOf(holder);
      if (index >= 0) this.holders.splice(index, 1);
    };
  }

  /** The holders' names, for the session-end test and the docs. */
  names(): string[] {
    return this.holders.map((holder) => holder.name);
  }

  wipeAll(): void {
    for (const holder of [...this.holders]) holder.wipe();
  }
}
