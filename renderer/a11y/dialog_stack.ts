/** Open dialogs, innermost last: the keypad's Back closes the innermost one before it leaves a screen. */
const closers: (() => void)[] = [];

export function pushDialog(close: () => void): () => void {
  closers.push(close);
  return () => {
    const index = closers.lastIndexOf(close);
    if (index >= 0) closers.splice(index, 1);
  };
}

/** Closes the innermost open dialog; false when none is open. */
export function closeTopDialog(): boolean {
  const close = closers.at(-1);
  if (!close) return false;
  close();
  return true;
}
