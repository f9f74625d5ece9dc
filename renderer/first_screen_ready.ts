import { reportFirstScreenReady } from './data/system_data';

/**
 * Tells the core the first screen is painted and usable, so the background work that waited for it (speech
 * pre-render, warming the print renderer) starts now instead of competing with it. After the next paint.
 */
export function reportFirstScreen(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => reportFirstScreenReady({}), 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
