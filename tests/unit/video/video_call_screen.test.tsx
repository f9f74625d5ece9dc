import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { TerminalInfo } from '../../../common/contract/system_methods';
import type { Roster } from '../../../common/video/roster';
import type { ServerMessage } from '../../../common/video/signal_messages';
import { AppContext } from '../../../renderer/app_context';
import { LiveRegions } from '../../../renderer/components/live_regions';
import { createI18n } from '../../../renderer/i18n/i18n';
import { setTransport } from '../../../renderer/rpc/api';
import { CurrentScreen } from '../../../renderer/screens/current_screen';
import { FormsSession } from '../../../renderer/screens/forms/forms_session';
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

// Monday to Friday 09:00–17:00 lawyer; an interpreter only on Wednesdays 14:00.
const roster: Roster = {
  version: 1,
  people: [
    {
      id: 'l',
      kind: 'lawyer',
      name: 'L',
      weekly: [1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' })),
      exceptions: [],
    },
    {
      id: 'i',
      kind: 'interpreter',
      name: 'I',
      weekly: [{ day: 3, from: '14:00', to: '16:00' }],
      exceptions: [],
    },
  ],
};

/** A core that answers the video methods and lets the test push hub messages. */
function fakeCore(open: { ok: boolean }) {
  const listeners = new Map<string, (payload: unknown) => void>();
  const calls: string[] = [];
  setTransport({
    invoke: async (method) => {
      calls.push(method);
      // Other screens (the callback form after navigation) wait forever: not under test here.
      if (!method.startsWith('video.')) return new Promise(() => {});
      if (method === 'video.open')
        return {
          ok: true,
          value: open.ok
            ? { ok: true, iceServers: [], centrePhone: '0472-1234567' }
            : { ok: false, reason: 'hub_unreachable', centrePhone: '0472-1234567' },
        };
      return { ok: true, value: { ok: true } };
    },
    subscribe: (event, listener) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    },
  });
  return { calls, push: (message: ServerMessage) => act(() => listeners.get('video.message')?.(message)) };
}

async function openScreen() {
  const store = new SessionStore();
  store.navigate({ name: 'video_call' });
  render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <Shell store={store} />
    </I18nextProvider>,
  );
  await screen.findByRole('heading', { name: '视频通话：手语翻译、律师' });
  return store;
}

afterEach(cleanup);

describe('video call screen', () => {
  it('shows who can be called now and when the next interpreter is on duty, in words', async () => {
    const core = fakeCore({ ok: true });
    await openScreen();
    await core.push({ type: 'presence', roster, freeKinds: ['lawyer'] });
    expect(await screen.findByRole('button', { name: '呼叫值班律师' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '呼叫手语翻译' })).toBeNull();
    expect(screen.getByText(/^下次值班：(今天|明天|星期[一二三四五六日]) 14:00$/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '留下联系方式，请人回电' })).toBeNull();
  });

  it('nobody free: the callback request, 12348 and the centre phone; the button opens the callback form', async () => {
    const core = fakeCore({ ok: true });
    const store = await openScreen();
    await core.push({ type: 'presence', roster, freeKinds: [] });
    expect(await screen.findByText('法律援助热线：12348')).toBeTruthy();
    expect(screen.getByText('本中心电话：0472-1234567')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: '留下联系方式，请人回电' }));
    expect(store.getState().screen).toEqual({ name: 'form_start', templateId: 'callback_request' });
  });

  it('hub unreachable: says so and offers the same fallback; leaving the screen closes the link', async () => {
    const core = fakeCore({ ok: false });
    const store = await openScreen();
    expect(await screen.findAllByText('现在连接不上中心')).not.toHaveLength(0);
    expect(screen.getByRole('button', { name: '留下联系方式，请人回电' })).toBeTruthy();
    act(() => store.navigate({ name: 'home' }));
    expect(core.calls).toContain('video.close');
  });
});
