import type { IdCardReader, ReaderEvent } from '../../../core/idcard/id_card_reader';

/**
 * Collects a reader's events. `next(kind)` gives the first event of that kind after the last one taken
 * (also when it came before the call), waiting for it when it has not come yet.
 */
export function recordEvents(reader: IdCardReader) {
  const events: ReaderEvent[] = [];
  let cursor = 0;
  let wake: (() => void) | null = null;
  reader.watch((event) => {
    events.push(event);
    wake?.();
  });
  const take = (kind: ReaderEvent['kind']) => {
    const index = events.findIndex((event, i) => i >= cursor && event.kind === kind);
    if (index < 0) return null;
    cursor = index + 1;
    return events[index]!;
  };
  return {
    events,
    kinds: () => events.map((event) => (event.kind === 'error' ? `error:${event.reason}` : event.kind)),
    next: async <K extends ReaderEvent['kind']>(kind: K, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = take(kind);
        if (found) return found as Extract<ReaderEvent, { kind: K }>;
        if (Date.now() > deadline) throw new Error(`no ${kind} event (got ${events.map((e) => e.kind)})`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
