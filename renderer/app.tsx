import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Provisioning, TerminalInfo } from '../common/contract/system_methods';
import { applySettings } from './a11y/apply_settings';
import { AppContext } from './app_context';
import { AccessibilityBar } from './components/accessibility_bar';
import { createI18n } from './i18n/i18n';
import { Text } from './i18n/text';
import { call } from './rpc/api';
import { CurrentScreen } from './screens/current_screen';
import { NotProvisionedScreen } from './screens/not_provisioned_screen';
import { SessionStore, useSession } from './state/session_store';

const i18n = createI18n();

function Kiosk({ store, terminal }: { store: SessionStore; terminal: TerminalInfo }) {
  const state = useSession(store, (s) => s);
  useEffect(() => {
    applySettings(document.documentElement, state.settings, terminal.screen);
    void i18n.changeLanguage(state.settings.language);
  }, [state.settings, terminal.screen]);

  return (
    <AppContext.Provider value={{ store, terminal }}>
      <div className="app">
        <header className="app-header">
          <h1 className="app-title">
            <Text k="app.title" />
          </h1>
          <p className="app-subtitle">{terminal.centre.name}</p>
        </header>
        <AccessibilityBar />
        <main className="app-main" key={JSON.stringify(state.screen)}>
          <CurrentScreen screen={state.screen} />
        </main>
      </div>
    </AppContext.Provider>
  );
}

/** Loads this terminal's provisioning, then shows the kiosk or the "not provisioned" screen. */
export function App() {
  const [provisioning, setProvisioning] = useState<Provisioning | null>(null);
  const [store, setStore] = useState<SessionStore | null>(null);

  useEffect(() => {
    call('system.provisioning', {}).then((result) => {
      if (result.provisioned) {
        const { defaultLanguage, speech } = result.terminal;
        setStore(
          new SessionStore({
            language: defaultLanguage,
            theme: 'default',
            textSize: 'M',
            speechOn: speech.onByDefault,
          }),
        );
      }
      setProvisioning(result);
    });
  }, []);

  return (
    <I18nextProvider i18n={i18n}>
      {provisioning === null ? null : provisioning.provisioned && store ? (
        <Kiosk store={store} terminal={provisioning.terminal} />
      ) : !provisioning.provisioned ? (
        <NotProvisionedScreen problem={provisioning.problem} />
      ) : null}
    </I18nextProvider>
  );
}
