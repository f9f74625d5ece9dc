import { call } from './rpc/api';

/**
 * Tells the core the first screen is painted and usable, so the background work that waited for it (speech
 * pre-render, warming the print renderer) starts now instead of competing with it. After the next paint.
 */
export function reportFirstScreen(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => void call('system.ready', {}).catch(() => {}), 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
