import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { TerminalInfo } from '../../../common/contract/system_methods';
import { AppContext } from '../../../renderer/app_context';
import { LiveRegions } from '../../../renderer/components/live_regions';
import { createI18n } from '../../../renderer/i18n/i18n';
import { setTransport } from '../../../renderer/rpc/api';
import { CurrentScreen } from '../../../renderer/screens/current_screen';
import { FormsSession } from '../../../renderer/screens/forms/forms_session';
import { SessionStore, useSession } from '../../../renderer/state/session_store';
import { LEGAL_AID_ANSWERS } from '../../integration/forms/support';
import { STAFF_PIN, type StaffCore, startStaffCore } from '../../integration/staff/staff_support';
import { testPki } from '../../support/test_pki';

const NAME = LEGAL_AID_ANSWERS.find(([id]) => id === 'full_name')![1] as string;

const forms = new FormsSession();

function Shell({ store, terminal }: { store: SessionStore; terminal: TerminalInfo }) {
  const state = useSession(store, (s) => s);
  return (
    <AppContext.Provider value={{ store, terminal, forms }}>
      <main key={`${state.sessionNumber}-${JSON.stringify(state.screen)}`}>
        <CurrentScreen screen={state.screen} />
      </main>
      <LiveRegions />
    </AppContext.Provider>
  );
}

let t: StaffCore;
afterEach(() => {
  cleanup();
  t?.close();
});

/** The staff screen in jsdom against a real kiosk core (SQLite in a temp dir, settable clock). */
async function open(overrides: Record<string, unknown> = {}) {
  t = startStaffCore(overrides);
  setTransport({ invoke: (method, args) => t.core.dispatch(method, args), subscribe: () => () => {} });
  const provisioning = await t.call('system.provisioning', {});
  if (!provisioning.provisioned) throw new Error('not provisioned');
  const store = new SessionStore();
  render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <Shell store={store} terminal={provisioning.terminal} />
    </I18nextProvider>,
  );
  return store;
}

async function typePin(pin: string) {
  const user = userEvent.setup();
  const field = await screen.findByLabelText('工作人员密码');
  await user.clear(field);
  await user.type(field, pin);
  await user.click(screen.getByRole('button', { name: '打开' }));
  return user;
}

describe('staff screen', { timeout: 20_000 }, () => {
  it('alerts staff when a server at the hub address shows another certificate, and says nothing was sent', {
    timeout: 30_000,
  }, async () => {
    // Someone answers at the hub's address (a hijacked address, an interception proxy) with their own certificate.
    let seen = 0;
    const impostor = https.createServer(testPki().otherServer, (_req, res) => {
      seen++;
      res.end('{}');
    });
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    try {
      const hubUrl = `https://127.0.0.1:${(impostor.address() as AddressInfo).port}`;
      const store = await open({ hubUrl, hubToken: `kh1.0123456789abcdef.${'A'.repeat(43)}` });
      await waitFor(async () =>
        expect((await t.call('sync.status', {})).state).toBe('hub_identity_mismatch'),
      );
      await t.visitorSubmits();
      act(() => store.navigate({ name: 'staff' }));
      const user = await typePin(STAFF_PIN);
      const alert = await screen.findByText(/^中心服务器身份不符/, undefined, { timeout: 10_000 });
      expect(alert.closest('[role="alert"]')).not.toBeNull();
      expect(alert.textContent).toContain('什么都没有发送');
      await user.click(screen.getByRole('button', { name: '立即发送' }));
      // Shown next to the button and announced.
      expect(
        await screen.findAllByText('中心服务器身份不符，什么都没有发送；请立即联系技术人员。', undefined, {
          timeout: 10_000,
        }),
      ).toHaveLength(2);
      expect(seen).toBe(0);
    } finally {
      impostor.close();
    }
  });

  it('says how many tries are left after a wrong PIN and stays closed', async () => {
    const store = await open();
    act(() => store.navigate({ name: 'staff' }));
    await typePin('111111');
    await waitFor(() =>
      expect(document.querySelector('.field-error')?.textContent).toContain('密码错误，还可以再试 4 次。'),
    );
    expect(screen.getByLabelText('工作人员密码').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('heading', { name: '本终端的申请' })).toBeNull();
    expect(store.getState().mode).toBe('visitor');
  });

  it('shows the application with its priority mark, opens its answers, marks it handled', async () => {
    const store = await open();
    const uuid = await t.visitorSubmits();
    // what the hub's status feed would have written (tests/integration/status: the real feed)
    t.core.deps.db
      .prepare('UPDATE outbox SET review_state = ?, review_at = ? WHERE uuid = ?')
      .run('documents_needed', '2026-11-28T03:05:00.000Z', uuid);
    act(() => store.navigate({ name: 'staff' }));
    const user = await typePin(STAFF_PIN);
    // The scrypt PIN check takes seconds on this shared, busy machine.
    await screen.findByRole('heading', { name: '本终端的申请' }, { timeout: 10_000 });
    expect(store.getState().mode).toBe('staff');
    const item = await screen.findByRole('button', { name: /优先（残疾人申请）/ });
    expect(item.textContent).toContain('等待发送');
    expect(item.textContent).toContain('中心审查：需要补充材料（');
    expect(item.textContent).not.toContain(NAME);
    await user.click(item);
    expect(await screen.findByText(NAME)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '标记为已处理' }));
    await screen.findByText('已标记为已处理。', { selector: '.staff-message' });
    expect(t.core.deps.audit.latest(20).map((e) => `${e.action} ${e.subject}`)).toContain(
      `staff.view ${uuid}`,
    );
    // espeak-ng is installed here: the status bar has nothing to say about speech
    expect(screen.queryByText(/语音引擎未安装/)).toBeNull();
  });

  it('says in its status bar when the speech engine is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent-bin';
    try {
      const store = await open();
      act(() => store.navigate({ name: 'staff' }));
      await typePin(STAFF_PIN);
      const notice = await screen.findByText(/语音引擎未安装：访客听不到任何朗读/, {}, { timeout: 10_000 });
      expect(notice.closest('[role="status"]')).not.toBeNull();
    } finally {
      process.env.PATH = path;
    }
  });

  it('leaves to a fresh visitor session when the core locked staff mode after 10 idle minutes', async () => {
    const store = await open();
    act(() => store.navigate({ name: 'staff' }));
    const user = await typePin(STAFF_PIN);
    // The scrypt PIN check takes seconds on this shared, busy machine.
    await screen.findByRole('heading', { name: '本终端的申请' }, { timeout: 10_000 });
    const session = store.getState().sessionNumber;
    t.clock.now += 10 * 60_000 + 1;
    await user.click(screen.getByRole('button', { name: '立即发送' }));
    await waitFor(() => expect(store.getState().sessionNumber).toBeGreaterThan(session));
    expect(store.getState()).toMatchObject({ mode: 'visitor', screen: { name: 'home' } });
    expect(screen.queryByRole('heading', { name: '本终端的申请' })).toBeNull();
  });
});
