/**
 * A call in progress keeps the visitor's session alive: someone signing with an interpreter touches nothing for
 * minutes, and the idle timeout must not end their call (the app's idle timer asks `callInProgress()`). When
 * the call ends, the normal timeout starts again.
 */
const holds = new Set<symbol>();

export function holdSessionForCall(): () => void {
  const hold = Symbol('call');
  holds.add(hold);
  return () => {
    holds.delete(hold);
  };
}

export function callInProgress(): boolean {
  return holds.size > 0;
}
