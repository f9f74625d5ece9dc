import type { i18n as I18n } from 'i18next';
import type { TerminalInfo } from '../../common/contract/system_methods';
import { createKit } from '../a11y/create_kit';
import type { KitServices } from '../a11y/kit_context';
import { lockStaff } from '../data/staff_data';
import { lookupSignClips } from '../data/system_data';
import { FormsSession } from '../screens/forms/forms_session';
import { SignController } from '../sign_language/sign_controller';
import { createRpcSpeaker, type RpcSpeaker } from '../speech/rpc_speaker';
import { SessionStore } from './session_store';
import { VisitorData } from './visitor_data';

/** Everything of the kiosk that lives as long as the app and serves one visitor at a time. */
export interface KioskSession {
  store: SessionStore;
  kit: KitServices;
  engine: RpcSpeaker;
  forms: FormsSession;
  sign: SignController;
}

/**
 * Builds the session services and lists every holder of a visitor's data in one place. The screen tree
 * (typed input, search text, choices on screen) is not listed: the app re-creates it for each session.
 */
export function createKioskSession(
  terminal: TerminalInfo,
  i18n: I18n,
  engine = createRpcSpeaker(),
): KioskSession {
  const visitorData = new VisitorData();
  const store = new SessionStore(
    { language: terminal.defaultLanguage, speechOn: terminal.speech.onByDefault },
    visitorData,
  );
  const kit = createKit(store, i18n, engine);
  const forms = new FormsSession();
  visitorData.register('forms: open drafts here, unkept drafts in the core', () => forms.endSession());
  visitorData.register('speech engine: rate, volume, repeat buffer, played log', () => engine.resetSession());
  visitorData.register('speech log of the kit', () => kit.speechLog.clear());
  visitorData.register('live regions', () => kit.announcer.clear());
  // Whatever ends a session that staff were in also locks staff mode in the core.
  visitorData.register('staff mode', () => {
    if (store.getState().mode === 'staff') lockStaff({});
  });
  // Registers its own reset (panel closed, speed and captions back to defaults) in `visitorData`.
  const sign = new SignController(store, async (keys, language) => {
    const found = await lookupSignClips({ keys: [...keys], language });
    return found.clips;
  });
  return { store, kit, engine, forms, sign };
}
