import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { TerminalInfo } from '../../../common/contract/system_methods';
import type { Language } from '../../../common/languages';
import { AppContext } from '../../../renderer/app_context';
import { ScreenHeading } from '../../../renderer/components/screen_heading';
import { createI18n } from '../../../renderer/i18n/i18n';
import { Text } from '../../../renderer/i18n/text';
import { uprightRuns } from '../../../renderer/i18n/upright_runs';
import { FormsSession } from '../../../renderer/screens/forms/forms_session';
import { SessionStore } from '../../../renderer/state/session_store';

const TERMINAL: TerminalInfo = {
  terminalId: 't1',
  centre: { id: 'c1', name: '测试中心', phone: '12348' },
  platformLevel: 'city',
  defaultLanguage: 'zh-CN',
  languages: ['zh-CN', 'mn-Mong-CN', 'en'],
  screen: { diagonalInches: 23.8, widthPx: 1920, heightPx: 1080 },
  session: { idleSeconds: 120, warningSeconds: 45 },
  speech: { onByDefault: false },
  directory: { mapProvider: 'amap' },
};

function renderIn(language: Language, bilingual: boolean | undefined, ui: React.ReactNode) {
  const i18n = createI18n(language);
  const store = new SessionStore({ language, speechOn: false });
  return render(
    <I18nextProvider i18n={i18n}>
      <AppContext.Provider value={{ store, terminal: { ...TERMINAL, bilingual }, forms: new FormsSession() }}>
        {ui}
      </AppContext.Provider>
    </I18nextProvider>,
  );
}

const MN_HEADING = 'ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ';

describe('bilingual display (terminal setting)', () => {
  it('headings show Mongolian first, then Chinese, each run with its own lang', () => {
    renderIn('zh-CN', true, <ScreenHeading k="home.heading" />);
    const heading = screen.getByRole('heading', { level: 2 });
    const runs = [...heading.querySelectorAll('.bilingual > .t')];
    expect(runs.map((r) => [r.getAttribute('lang'), r.textContent])).toEqual([
      ['mn-Mong-CN', MN_HEADING],
      ['zh-CN', '请选择服务'],
    ]);
    expect(screen.getByRole('heading', { name: `${MN_HEADING}请选择服务` })).toBe(heading);
  });

  it('also in a Mongolian session; off by default; English stays alone', () => {
    const { unmount } = renderIn('mn-Mong-CN', true, <Text k="home.heading" bilingual />);
    expect(document.querySelectorAll('.bilingual [lang]').length).toBe(2);
    unmount();
    const off = renderIn('zh-CN', undefined, <Text k="home.heading" bilingual />);
    expect(document.querySelector('.bilingual')).toBeNull();
    expect(document.body.textContent).toBe('请选择服务');
    off.unmount();
    renderIn('en', true, <Text k="home.heading" bilingual />);
    expect(document.querySelector('.bilingual')).toBeNull();
  });

  it('a key without a Mongolian string shows only the Chinese (no duplicate)', () => {
    // The Mongolian keyboard's status lines are Chinese on purpose (spoken; see GLOSSARY.md).
    renderIn('zh-CN', true, <Text ns="mongolian_keyboard" k="status_full" values={{ max: 10 }} bilingual />);
    expect([...document.querySelectorAll('.bilingual > .t')].map((r) => r.getAttribute('lang'))).toEqual([
      'zh-CN',
    ]);
  });

  it("a key that is only a placeholder shows its value once, marked by the value's script", () => {
    const runs = () =>
      [...document.querySelectorAll('.bilingual > .t')].map((r) => [r.getAttribute('lang'), r.textContent]);
    const mn = renderIn(
      'mn-Mong-CN',
      true,
      <Text ns="forms_ui" k="start.heading" values={{ title: 'ᠬᠠᠤᠯᠢ' }} bilingual />,
    );
    expect(runs()).toEqual([['mn-Mong-CN', 'ᠬᠠᠤᠯᠢ']]);
    mn.unmount();
    renderIn(
      'zh-CN',
      true,
      <Text ns="forms_ui" k="start.heading" values={{ title: '法律援助申请' }} bilingual />,
    );
    expect(runs()).toEqual([['zh-CN', '法律援助申请']]);
  });

  it('a Mongolian placeholder-only string filled with Chinese text is marked Chinese (not set vertically)', () => {
    const { unmount } = renderIn(
      'mn-Mong-CN',
      false,
      <Text ns="forms_ui" k="step.heading" values={{ prompt: '您的姓名' }} />,
    );
    expect(document.querySelector('.t')?.getAttribute('lang')).toBe('zh-CN');
    unmount();
    renderIn('mn-Mong-CN', false, <Text ns="forms_ui" k="step.heading" values={{ prompt: 'ᠨᠡᠷ᠎ᠡ' }} />);
    expect(document.querySelector('.t')?.hasAttribute('lang')).toBe(false);
  });

  it('one or two digits inside Mongolian stand upright; longer numbers stay rotated', () => {
    render(<span data-testid="run">{uprightRuns('ᠬᠡᠯᠡ 12 ᠪᠠ 2026 ᠣᠨ 7')}</span>);
    const run = screen.getByTestId('run');
    expect([...run.querySelectorAll('.mn-upright')].map((e) => e.textContent)).toEqual(['12', '7']);
    expect(run.textContent).toBe('ᠬᠡᠯᠡ 12 ᠪᠠ 2026 ᠣᠨ 7');
  });
});
