import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EnrollmentHub } from '../../../common/contract/system_methods';
import { createI18n } from '../../../renderer/i18n/i18n';
import { setTransport } from '../../../renderer/rpc/api';
import { NotProvisionedScreen } from '../../../renderer/screens/not_provisioned_screen';

/** What the screen asked the core to redeem (the real hub round trip is in the e2e test). */
let redeemed: unknown[];

const CITY: EnrollmentHub = { url: 'https://hub.baotou.lan:8787', name: '包头市中心' };
const COUNTY: EnrollmentHub = { url: 'https://hub.guyang.lan:8787', name: '固阳县中心' };

function show(hubs: EnrollmentHub[]) {
  render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <NotProvisionedScreen
        problem={{ kind: 'missing', field: '', message: 'no file' }}
        enrollmentHubs={hubs}
      />
    </I18nextProvider>,
  );
}

beforeEach(() => {
  redeemed = [];
  setTransport({
    invoke: async (method, args) => {
      if (method !== 'provisioning.redeem') throw new Error(`unexpected ${method}`);
      redeemed.push(args);
      return { ok: true, value: { ok: true, terminalId: 'kiosk-touch-1', restarting: true } };
    },
    subscribe: () => () => {},
  });
});

const numberPad = () => within(screen.getByRole('group', { name: '数字键盘' }));
const codeField = () => screen.getByRole<HTMLInputElement>('textbox', { name: '登记码' });

// Role queries over the keys are slow in jsdom on a loaded 2-core machine.
describe('"not provisioned" screen: enrollment only with a hub of the organisation profile', {
  timeout: 60_000,
}, () => {
  it('names the one profile hub (no address to type) and takes the code from the number pad', async () => {
    show([CITY]);
    const user = userEvent.setup();
    expect(screen.getByText(CITY.url)).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /地址/ })).toBeNull();
    expect(screen.queryByRole('group', { name: '网址键盘' })).toBeNull();
    for (const digit of '123456789012') await user.click(numberPad().getByRole('button', { name: digit }));
    expect(codeField().value).toBe('123456789012');
    // the code is a secret: only how many digits were typed is announced
    expect(screen.getByTestId('live-polite').textContent).toBe('已输入 12 位');
    await user.click(numberPad().getByRole('button', { name: '完成' }));
    expect(redeemed).toEqual([{ hubUrl: CITY.url, code: '123456789012' }]);
    await screen.findByText('已设置为终端 kiosk-touch-1，软件正在重新启动。');
  });

  it('offers a choice between the profile hubs when there are several', async () => {
    show([CITY, COUNTY]);
    const user = userEvent.setup();
    const choice = screen.getByRole('radiogroup', { name: '向哪个中心服务器登记' });
    await user.click(within(choice).getByRole('radio', { name: new RegExp(COUNTY.name!) }));
    await user.type(codeField(), '1234-5678-9012');
    await user.click(screen.getByRole('button', { name: '设置' }));
    expect(redeemed).toEqual([{ hubUrl: COUNTY.url, code: '1234-5678-9012' }]);
  });

  it('cannot enroll at all without a usable organisation profile, and says whom to call', async () => {
    show([]);
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContainEqual(
      expect.stringContaining('随软件提供的机构配置缺失或无效'),
    );
    expect((screen.getByRole('button', { name: '设置' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('refuses a wrong code before anything is sent, and is operable with the keypad', async () => {
    show([CITY]);
    const user = userEvent.setup();
    await user.type(codeField(), '1234');
    await user.click(screen.getByRole('button', { name: '设置' }));
    expect(await screen.findAllByText('登记码是 12 位数字。')).not.toHaveLength(0);
    expect(redeemed).toEqual([]);
    codeField().focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(numberPad().getByRole('button', { name: '1' }));
    await user.keyboard('{Enter}{ArrowRight}{Enter}');
    expect(codeField().value).toBe('123412');
  });
});
