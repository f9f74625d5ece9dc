import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { TerminalInfo } from '../../../common/contract/system_methods';
import type { Printer } from '../../../core/printing/printer';
import { AppContext } from '../../../renderer/app_context';
import { LiveRegions } from '../../../renderer/components/live_regions';
import { createI18n } from '../../../renderer/i18n/i18n';
import { setTransport } from '../../../renderer/rpc/api';
import { CurrentScreen } from '../../../renderer/screens/current_screen';
import type { FormsSession } from '../../../renderer/screens/forms/forms_session';
import { createKioskSession } from '../../../renderer/state/kiosk_session';
import { type SessionStore, useSession } from '../../../renderer/state/session_store';
import { startTestCore, type TestCore } from '../../integration/forms/support';

function Shell({
  store,
  terminal,
  forms,
}: {
  store: SessionStore;
  terminal: TerminalInfo;
  forms: FormsSession;
}) {
  const screen = useSession(store, (s) => s.screen);
  return (
    <AppContext.Provider value={{ store, terminal, forms }}>
      <main key={JSON.stringify(screen)}>
        <CurrentScreen screen={screen} />
      </main>
      <LiveRegions />
    </AppContext.Provider>
  );
}

/** The forms screens in jsdom, talking to a real kiosk core (real SQLite in a temp dir) in memory. */
export async function renderWithCore(printer?: Printer): Promise<{ core: TestCore; store: SessionStore }> {
  const core = startTestCore(printer ? { printer } : {});
  setTransport({
    invoke: (method, args) => core.dispatch(method, args),
    subscribe: () => () => {},
  });
  const provisioning = await core.call('system.provisioning', {});
  if (!provisioning.provisioned) throw new Error('sample config not provisioned');
  const i18n = createI18n('zh-CN');
  // The app's session: its store and forms memory, with every holder of visitor data registered.
  const { store, forms } = createKioskSession(provisioning.terminal, i18n);
  render(
    <I18nextProvider i18n={i18n}>
      <Shell store={store} terminal={provisioning.terminal} forms={forms} />
    </I18nextProvider>,
  );
  return { core, store };
}
