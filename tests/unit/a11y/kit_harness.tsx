import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createKit } from '../../../renderer/a11y/create_kit';
import { installKioskInput } from '../../../renderer/a11y/kiosk_input';
import { KitContext } from '../../../renderer/a11y/kit_context';
import { AppContext } from '../../../renderer/app_context';
import { LiveRegions } from '../../../renderer/components/live_regions';
import { createI18n } from '../../../renderer/i18n/i18n';
import { FormsSession } from '../../../renderer/screens/forms/forms_session';
import { IdleTimer } from '../../../renderer/state/idle_timer';
import { SessionStore } from '../../../renderer/state/session_store';

const TERMINAL = {
  terminalId: 't1',
  centre: { id: 'c1', name: '测试中心', phone: '12348' },
  platformLevel: 'city',
  defaultLanguage: 'zh-CN',
  languages: ['zh-CN', 'en'],
  screen: { diagonalInches: 23.8, widthPx: 1920, heightPx: 1080 },
  session: { idleSeconds: 120, warningSeconds: 45 },
  speech: { onByDefault: true },
  directory: { mapProvider: 'amap' },
} as const;

/** Renders UI inside the real kit services (speech on, logged), with the keypad installed on the document. */
export function renderWithKit(ui: ReactNode, { speechOn = true } = {}) {
  const i18n = createI18n('zh-CN');
  const store = new SessionStore({ language: 'zh-CN', speechOn });
  const kit = createKit(store, i18n, null);
  const idle = new IdleTimer({ idleSeconds: 120, warningSeconds: 45, onExpire: () => store.endSession() });
  const uninstall = installKioskInput({
    doc: document,
    store,
    speech: kit.speech,
    idle,
    languages: ['zh-CN', 'en'],
  });
  const result = render(
    <I18nextProvider i18n={i18n}>
      <KitContext.Provider value={kit}>
        <AppContext.Provider
          value={{
            store,
            terminal: { ...TERMINAL, languages: [...TERMINAL.languages] },
            forms: new FormsSession(),
          }}
        >
          <div className="app">{ui}</div>
          <LiveRegions />
        </AppContext.Provider>
      </KitContext.Provider>
    </I18nextProvider>,
  );
  const spoken = () => kit.speechLog.entries().map((entry) => entry.text);
  return { ...result, store, kit, idle, spoken, uninstall };
}
