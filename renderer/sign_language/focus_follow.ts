import { SELF_ANNOUNCING } from '../a11y/kiosk_input';
import type { SignController } from './sign_controller';

/**
 * While the panel is open, the clip follows focus the way speech does: an element marked `data-sign-key`
 * (an option of a question) shows its clip; the screen heading shows the screen's clip again. Focus on other
 * controls (the panel's own buttons) leaves the clip as it is. Returns the uninstaller.
 */
export function installFocusFollow(doc: Document, controller: SignController): () => void {
  const onFocusIn = (event: FocusEvent) => {
    if (!(event.target instanceof Element)) return;
    const keyed = event.target.closest<HTMLElement>('[data-sign-key]');
    if (keyed) controller.show(keyed.dataset.signKey ?? null);
    else if (event.target.matches(SELF_ANNOUNCING)) controller.show(null);
  };
  doc.addEventListener('focusin', onFocusIn);
  return () => doc.removeEventListener('focusin', onFocusIn);
}
