/**
 * Whether a visitor is using the terminal, as the renderer reports it (`session.set_active`). An update
 * never installs while this is true. A report older than `maxAgeMs` no longer counts, so a renderer that
 * died mid-session cannot block updates forever.
 */
export interface SessionActivity {
  isActive(): boolean;
  set(active: boolean): void;
}

export function createSessionActivity(now: () => Date, maxAgeMs = 2 * 60 * 60 * 1000): SessionActivity {
  let activeSince: number | null = null;
  return {
    isActive: () => activeSince !== null && now().getTime() - activeSince < maxAgeMs,
    set: (active) => {
      activeSince = active ? now().getTime() : null;
    },
  };
}
