import type { Language } from '../../common/languages';
import type { SpeechOutput } from '../speech/speech_output';
import type { IdleTimer } from '../state/idle_timer';
import type { SessionStore } from '../state/session_store';
import { closeTopDialog } from './dialog_stack';
import { moveFocus } from './focus_navigation';
import { commandForKey, type KeyCommand, type KeyContext } from './key_map';

export interface KioskInputDeps {
  doc: Document;
  store: SessionStore;
  speech: SpeechOutput;
  idle: IdleTimer;
  languages: readonly Language[];
}

/** Elements that announce themselves another way (screen headings speak the screen's intro). */
export const SELF_ANNOUNCING = '[data-announce="screen"]';

/** Commands that control speech itself and must not cut it off. */
const SPEECH_COMMANDS = new Set<KeyCommand>([
  'repeat',
  'volume_down',
  'volume_up',
  'rate_slower',
  'rate_faster',
]);

export function keyContext(target: EventTarget | null): KeyContext {
  if (target instanceof HTMLTextAreaElement) return 'text_field';
  if (
    target instanceof HTMLInputElement &&
    !['button', 'checkbox', 'radio', 'submit'].includes(target.type)
  ) {
    return 'text_field';
  }
  return target instanceof HTMLElement && target.isContentEditable ? 'text_field' : 'control';
}

/**
 * The keypad, touch and speech glue for the whole page: keys become commands (key_map.ts), any input
 * resets the idle timer and interrupts speech, focusing a control speaks it. Returns the uninstaller.
 */
export function installKioskInput({ doc, store, speech, idle, languages }: KioskInputDeps): () => void {
  const run = (command: KeyCommand): void => {
    const settings = store.getState().settings;
    switch (command) {
      case 'next':
      case 'previous':
        moveFocus(doc, command === 'next' ? 1 : -1);
        return;
      case 'activate':
        return; // buttons and links activate natively on Enter
      case 'back':
        if (!closeTopDialog()) store.back();
        return;
      case 'help':
        store.navigate({ name: 'help' });
        return;
      case 'language': {
        const index = languages.indexOf(settings.language);
        store.setLanguage(languages[(index + 1) % languages.length] ?? settings.language);
        return;
      }
      case 'speech':
        store.toggleSpeech();
        speech.sayParts([{ k: settings.speechOn ? 'spoken.turned_off' : 'spoken.turned_on' }], true);
        return;
      case 'repeat':
        speech.repeat();
        return;
      case 'volume_down':
      case 'volume_up':
        store.changeVolume(command === 'volume_up' ? 1 : -1);
        speech.sayParts([{ k: 'spoken.volume', values: { step: store.getState().settings.volumeStep + 1 } }]);
        return;
      case 'rate_slower':
      case 'rate_faster':
        store.changeRate(command === 'rate_faster' ? 1 : -1);
        speech.sayParts([{ k: 'spoken.rate', values: { step: store.getState().settings.rateStep + 1 } }]);
        return;
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    idle.activity();
    if (event.defaultPrevented) return;
    const command = commandForKey(event, keyContext(event.target));
    if (!command) {
      speech.stop();
      return;
    }
    if (!SPEECH_COMMANDS.has(command)) speech.stop();
    if (command !== 'activate') event.preventDefault();
    run(command);
  };
  const onPointerDown = () => {
    idle.activity();
    speech.stop();
  };
  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (target instanceof HTMLElement && !target.matches(SELF_ANNOUNCING)) speech.sayControl(target);
  };

  // A press that changes the pressed control itself (a toggle, a choice, "contrast: …") and leaves focus on it:
  // say it again so the new state is heard. Captured before React's handlers run, compared after they ran.
  const onClickCapture = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('button') : null;
    if (!target) return;
    const before = JSON.stringify(speech.describe(target));
    setTimeout(() => {
      if (doc.activeElement !== target || !target.isConnected) return;
      if (JSON.stringify(speech.describe(target)) !== before) speech.sayControl(target);
    }, 0);
  };

  doc.addEventListener('keydown', onKeyDown);
  doc.addEventListener('pointerdown', onPointerDown, true);
  doc.addEventListener('focusin', onFocusIn);
  doc.addEventListener('click', onClickCapture, true);
  return () => {
    doc.removeEventListener('keydown', onKeyDown);
    doc.removeEventListener('pointerdown', onPointerDown, true);
    doc.removeEventListener('focusin', onFocusIn);
    doc.removeEventListener('click', onClickCapture, true);
  };
}
