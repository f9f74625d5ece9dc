import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Provisioning, TerminalInfo } from '../common/contract/system_methods';
import { applySettings } from './a11y/apply_settings';
import { installKioskInput, SELF_ANNOUNCING } from './a11y/kiosk_input';
import { KitContext, type KitServices } from './a11y/kit_context';
import { DEFAULT_SCREEN } from './a11y/text_sizes';
import { AppContext } from './app_context';
import { AccessibilityBar } from './components/accessibility_bar';
import { IdleWarningDialog } from './components/idle_warning_dialog';
import { LiveRegions } from './components/live_regions';
import { reportFirstScreen } from './first_screen_ready';
import { createI18n } from './i18n/i18n';
import { lazyComponent } from './lazy_component';
import { testHooksEnabled } from './test_hooks';
import './styles/mongolian.css';
import { getProvisioning } from './data/system_data';
import { Text } from './i18n/text';
import { CurrentScreen } from './screens/current_screen';
import { useResumeAfterReload } from './screens/forms/resume';
import { StaffEntry } from './screens/staff/staff_entry';
import { TechnicianEntry } from './screens/technician/technician_entry';
import { callInProgress } from './screens/video/call_hold';
import { SignContext } from './sign_language/sign_context';
import { SignPanelSlot } from './sign_language/sign_panel_slot';
import type { SpeechLogEntry } from './speech/speech_log';
import { IdleTimer } from './state/idle_timer';
import { createKioskSession, type KioskSession } from './state/kiosk_session';
import { FACTORY_SETTINGS, type SessionStore, useSession } from './state/session_store';

const i18n = createI18n();
// Technicians' provisioning form (with its keyboards) loads only on a terminal that is not provisioned.
const NotProvisionedScreen = lazyComponent(() =>
  import('./screens/not_provisioned_screen').then((m) => m.NotProvisionedScreen),
);

declare global {
  interface Window {
    /** Only with test hooks on (`test_hooks.ts`): dev host started for tests and `?e2e` in the page URL. */
    __kioskDebug?: {
      /** What the kit asked to say. */
      speechLog: () => SpeechLogEntry[];
      /** Empties the kit's log (it keeps the last 500 entries: a long walk counts from a fresh one). */
      clearSpeechLog: () => void;
      /** What the engine got audio for and played (or skipped), with the outcome. */
      engineLog: () => SpeechLogEntry[];
      store: SessionStore;
    };
  }
}

/** Re-speaks the focused control after a language change, once the new texts are on screen. */
function useRespeakOnLanguageChange(kit: KitServices) {
  const { i18n: current } = useTranslation();
  const language = current.language;
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each language change by design
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && focused !== document.body && !focused.matches(SELF_ANNOUNCING)) {
      kit.speech.sayControl(focused);
    }
  }, [language, kit]);
}

function Kiosk({ session, terminal }: { session: KioskSession; terminal: TerminalInfo }) {
  const { store, kit, engine, forms, sign } = session;
  const state = useSession(store, (s) => s);
  const idle = useMemo(
    () =>
      new IdleTimer({
        idleSeconds: terminal.session.idleSeconds,
        warningSeconds: terminal.session.warningSeconds,
        onExpire: () => store.endSession(),
        // Staff mode, and a video call in progress (a signing visitor touches nothing for minutes).
        isExempt: () => store.getState().mode === 'staff' || callInProgress(),
      }),
    [store, terminal.session],
  );

  useEffect(() => {
    idle.start();
    return () => idle.stop();
  }, [idle]);

  useEffect(() => reportFirstScreen(), []);
  useResumeAfterReload(store, forms);

  useEffect(
    () =>
      installKioskInput({ doc: document, store, speech: kit.speech, idle, languages: terminal.languages }),
    [store, kit, idle, terminal.languages],
  );

  useEffect(() => {
    engine.setRateStep(state.settings.rateStep);
    engine.setVolumeStep(state.settings.volumeStep);
  }, [engine, state.settings.rateStep, state.settings.volumeStep]);

  useEffect(() => {
    applySettings(document.documentElement, state.settings, terminal.screen);
    void i18n.changeLanguage(state.settings.language);
  }, [state.settings, terminal.screen]);

  useRespeakOnLanguageChange(kit);

  return (
    <AppContext.Provider value={{ store, terminal, forms }}>
      <SignContext.Provider value={sign}>
        <div className="app" key={state.sessionNumber}>
          <header className="app-header">
            <h1 className="app-title">
              <Text k="app.title" bilingual />
            </h1>
            <p className="app-subtitle">{terminal.centre.name}</p>
          </header>
          <AccessibilityBar />
          <div className="app-body">
            <main className="app-main" key={JSON.stringify(state.screen)}>
              <CurrentScreen screen={state.screen} />
            </main>
            <SignPanelSlot />
          </div>
        </div>
      </SignContext.Provider>
      <IdleWarningDialog
        idle={idle}
        warningSeconds={terminal.session.warningSeconds}
        onFinish={() => {
          idle.extend();
          store.endSession();
        }}
      />
      <LiveRegions />
      <TechnicianEntry store={store} />
      <StaffEntry store={store} />
    </AppContext.Provider>
  );
}

/** Loads this terminal's provisioning, then shows the kiosk or the "not provisioned" screen. */
export function App() {
  const [provisioning, setProvisioning] = useState<Provisioning | null>(null);
  const [session, setSession] = useState<KioskSession | null>(null);

  useEffect(() => {
    getProvisioning({}).then((result) => {
      if (result.provisioned) {
        const session = createKioskSession(result.terminal, i18n);
        const { kit, store, engine } = session;
        if (testHooksEnabled(result.terminal)) {
          window.__kioskDebug = {
            speechLog: () => kit.speechLog.entries(),
            clearSpeechLog: () => kit.speechLog.clear(),
            engineLog: () => engine.log,
            store,
          };
        }
        setSession(session);
      }
      setProvisioning(result);
    });
  }, []);

  // Without a provisioning there is no session: the "not provisioned" screen uses the default theme and size.
  useEffect(() => {
    if (provisioning && !provisioning.provisioned) {
      applySettings(document.documentElement, FACTORY_SETTINGS, DEFAULT_SCREEN);
    }
  }, [provisioning]);

  return (
    <I18nextProvider i18n={i18n}>
      {provisioning === null ? null : provisioning.provisioned && session ? (
        <KitContext.Provider value={session.kit}>
          <Kiosk session={session} terminal={provisioning.terminal} />
        </KitContext.Provider>
      ) : !provisioning.provisioned ? (
        <Suspense fallback={null}>
          <NotProvisionedScreen problem={provisioning.problem} enrollmentHubs={provisioning.enrollmentHubs} />
        </Suspense>
      ) : null}
    </I18nextProvider>
  );
}
