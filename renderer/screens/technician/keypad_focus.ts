import { moveFocus } from '../../a11y/focus_navigation';
import { commandForKey } from '../../a11y/key_map';
import { keyContext } from '../../a11y/kiosk_input';

/**
 * Arrow keys move focus among the controls, as everywhere in the kiosk, on the "not provisioned" screen: it
 * runs without a session, so the kiosk's own keypad glue (kiosk_input.ts) is not installed. Returns the
 * uninstaller.
 */
export function installKeypadFocus(doc: Document): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    // a key grid already moved focus among its keys
    if (event.defaultPrevented) return;
    const command = commandForKey(event, keyContext(event.target));
    if (command !== 'next' && command !== 'previous') return;
    event.preventDefault();
    moveFocus(doc, command === 'next' ? 1 : -1);
  };
  doc.addEventListener('keydown', onKeyDown);
  return () => doc.removeEventListener('keydown', onKeyDown);
}
