import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { TerminalInfo } from '../../../common/contract/system_methods';
import { KitContext, silentKit } from '../../../renderer/a11y/kit_context';
import { AppContext } from '../../../renderer/app_context';
import { LiveRegions } from '../../../renderer/components/live_regions';
import { createI18n } from '../../../renderer/i18n/i18n';
import { setTransport } from '../../../renderer/rpc/api';
import { CurrentScreen } from '../../../renderer/screens/current_screen';
import { FormsSession } from '../../../renderer/screens/forms/forms_session';
import { callInProgress } from '../../../renderer/screens/video/call_hold';
import { SessionStore, useSession } from '../../../renderer/state/session_store';

function Shell({ store }: { store: SessionStore }) {
  const state = useSession(store, (s) => s);
  return (
    <AppContext.Provider value={{ store, terminal: {} as TerminalInfo, forms: new FormsSession() }}>
      <main>
        <CurrentScreen screen={state.screen} />
      </main>
      <LiveRegions />
    </AppContext.Provider>
  );
}

type Info = { configured: false } | { configured: true; kind: 'url' | 'program'; name: string | null };

/** A core whose provisioning names (or not) an external provider; `opens` is what `video.external.open` answers. */
function fakeCore(info: Info, opens: { ok: true } | { ok: false; reason: string }) {
  const listeners = new Map<string, (payload: unknown) => void>();
  const calls: { method: string; args: unknown }[] = [];
  setTransport({
    invoke: async (method, args) => {
      calls.push({ method, args });
      if (method === 'video.open')
        return { ok: true, value: { ok: false, reason: 'not_provisioned', centrePhone: '' } };
      if (method === 'video.external.info') return { ok: true, value: info };
      if (method === 'video.external.open') return { ok: true, value: opens };
      if (method.startsWith('video.')) return { ok: true, value: { ok: true } };
      return new Promise(() => {});
    },
    subscribe: (event, listener) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  });
  return {
    calls,
    methods: () => calls.map((c) => c.method),
    closed: (outcome: 'ended' | 'error') =>
      act(() => listeners.get('video.external')?.({ state: 'closed', outcome })),
  };
}

async function openScreen() {
  const store = new SessionStore();
  const kit = silentKit(() => true);
  store.navigate({ name: 'video_call' });
  render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <KitContext.Provider value={kit}>
        <Shell store={store} />
      </KitContext.Provider>
    </I18nextProvider>,
  );
  await screen.findByRole('heading', { name: '视频通话：手语翻译、律师' });
  const spoken = () => kit.speechLog.entries().map((entry) => entry.text);
  return { store, spoken };
}

afterEach(cleanup);

describe('the contracted video service on the call screen', () => {
  it('no provider configured: no button', async () => {
    const core = fakeCore({ configured: false }, { ok: true });
    await openScreen();
    await screen.findAllByText('现在连接不上中心');
    expect(core.methods()).toContain('video.external.info');
    expect(screen.queryByRole('button', { name: /签约|视频通话$/ })).toBeNull();
  });

  it('opens the named web service with no URL from the page, then the bar brings the visitor back', async () => {
    const core = fakeCore({ configured: true, kind: 'url', name: '远程手语' }, { ok: true });
    const { spoken } = await openScreen();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '打开远程手语视频通话' }));
    expect(core.calls.find((c) => c.method === 'video.external.open')?.args).toEqual({});
    const back = await screen.findByRole('button', { name: '结束并回到自助机' });
    expect(screen.getAllByText(/视频通话服务已在上方打开/).length).toBeGreaterThan(0);
    expect(spoken().some((text) => text.startsWith('视频通话服务已在上方打开'))).toBe(true);
    // The idle timeout cannot end the visitor's call while the service is open.
    expect(callInProgress()).toBe(true);
    await user.click(back);
    expect(core.methods()).toContain('video.external.close');
    core.closed('ended');
    await screen.findByRole('button', { name: '打开远程手语视频通话' });
    expect(callInProgress()).toBe(false);
    expect(await screen.findByRole('button', { name: '打开远程手语视频通话' })).toBeTruthy();
  });

  it.each([
    ['not_installed', '没有找到视频通话程序，请找工作人员帮忙。'],
    ['failed_to_start', '视频通话服务打不开，请找工作人员帮忙。'],
    ['not_available_in_dev_host', '网页视频服务只能在自助机上打开，开发环境中打不开。'],
  ])('a failure to open (%s) is shown and spoken in words', async (reason, words) => {
    fakeCore(
      { configured: true, kind: reason === 'not_available_in_dev_host' ? 'url' : 'program', name: null },
      {
        ok: false,
        reason,
      },
    );
    const { spoken } = await openScreen();
    await userEvent
      .setup()
      .click(await screen.findByRole('button', { name: '使用本中心签约的视频通话服务' }));
    expect((await screen.findAllByText(words)).length).toBeGreaterThan(0);
    expect(spoken()).toContain(words);
    expect(screen.getByRole('button', { name: '使用本中心签约的视频通话服务' })).toBeTruthy();
  });

  it('a program that stops with an error is said; leaving the screen while it runs stops it', async () => {
    const core = fakeCore({ configured: true, kind: 'program', name: null }, { ok: true });
    const { store, spoken } = await openScreen();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '使用本中心签约的视频通话服务' }));
    await screen.findByRole('button', { name: '结束并回到自助机' });
    core.closed('error');
    const words = '视频通话程序出了错，已经关闭。请找工作人员帮忙。';
    expect((await screen.findAllByText(words)).length).toBeGreaterThan(0);
    expect(spoken()).toContain(words);

    await user.click(screen.getByRole('button', { name: '使用本中心签约的视频通话服务' }));
    await screen.findByRole('button', { name: '结束并回到自助机' });
    const closesBefore = core.methods().filter((m) => m === 'video.external.close').length;
    act(() => store.navigate({ name: 'home' }));
    expect(core.methods().filter((m) => m === 'video.external.close').length).toBe(closesBefore + 1);
  });
});
