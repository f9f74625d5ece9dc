import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/i18n/i18n';
import { setTransport } from '../../../renderer/rpc/api';
import { NotProvisionedScreen } from '../../../renderer/screens/not_provisioned_screen';

/** What the screen asked the core to redeem (the real hub round trip is in the e2e test). */
let redeemed: unknown[];

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
  render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <NotProvisionedScreen problem={{ kind: 'missing', field: '', message: 'no file' }} />
    </I18nextProvider>,
  );
});

// The spoken names of the address keyboard's symbol keys; letters and digits are named by their face.
const SYMBOL_NAMES: Record<string, string> = {
  ':': '冒号',
  '/': '斜杠',
  '.': '点',
  '-': '短横线',
  _: '下划线',
};
const addressKeys = () => within(screen.getByRole('group', { name: '网址键盘' }));
const numberPad = () => within(screen.getByRole('group', { name: '数字键盘' }));
const hubField = () => screen.getByRole<HTMLInputElement>('textbox', { name: '中心服务器地址' });
const codeField = () => screen.getByRole<HTMLInputElement>('textbox', { name: '登记码' });

async function touchAddress(user: ReturnType<typeof userEvent.setup>, text: string) {
  for (const ch of text)
    await user.click(addressKeys().getByRole('button', { name: SYMBOL_NAMES[ch] ?? ch }));
}

// Role queries over ~60 keys are slow in jsdom on a loaded 2-core machine.
describe('"not provisioned" screen without a physical keyboard', { timeout: 60_000 }, () => {
  it('takes the hub address and the code from on-screen keys and sets the terminal up', async () => {
    const user = userEvent.setup();
    await touchAddress(user, 'http://hub-7.example_1.cn:8787/');
    expect(hubField().value).toBe('http://hub-7.example_1.cn:8787/');
    expect(screen.getByTestId('live-polite').textContent).toContain('http://hub-7.example_1.cn:8787/');

    for (const digit of '123456789012') await user.click(numberPad().getByRole('button', { name: digit }));
    expect(codeField().value).toBe('123456789012');
    // the code is a secret: only how many digits were typed is announced
    expect(screen.getByTestId('live-polite').textContent).toBe('已输入 12 位');

    await user.click(numberPad().getByRole('button', { name: '完成' }));
    expect(redeemed).toEqual([{ hubUrl: 'http://hub-7.example_1.cn:8787/', code: '123456789012' }]);
    await screen.findByText('已设置为终端 kiosk-touch-1，软件正在重新启动。');
  });

  it('has an address keyboard of lower-case Latin letters without pinyin or space, and a delete key', async () => {
    const user = userEvent.setup();
    expect(addressKeys().queryByRole('button', { name: '空格' })).toBeNull();
    expect(addressKeys().queryByRole('button', { name: /拼音/ })).toBeNull();
    await touchAddress(user, 'hq');
    expect(hubField().value).toBe('hq');
    await user.click(addressKeys().getByRole('button', { name: '删除' }));
    await touchAddress(user, 'ttps');
    expect(hubField().value).toBe('https');
    // a wrong address is refused by the form before anything is sent
    await user.click(screen.getByRole('button', { name: '设置' }));
    expect(await screen.findAllByText('地址要以 http:// 或 https:// 开头。')).not.toHaveLength(0);
    expect(redeemed).toEqual([]);
  });

  it('is operable with the keypad: arrows go into the keyboards, Enter presses keys, Done moves on', async () => {
    const user = userEvent.setup();
    hubField().focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(addressKeys().getByRole('button', { name: '1' }));
    await user.keyboard('{ArrowDown}{Enter}');
    expect(hubField().value).toBe('q');
    addressKeys().getByRole('button', { name: '完成' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(codeField());
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(numberPad().getByRole('button', { name: '1' }));
    await user.keyboard('{Enter}{ArrowRight}{Enter}');
    expect(codeField().value).toBe('12');
  });

  it('still takes a physical keyboard in both fields', async () => {
    const user = userEvent.setup();
    await user.type(hubField(), 'http://10.0.0.5:8787');
    await user.type(codeField(), '1234-5678-9012');
    await user.click(screen.getByRole('button', { name: '设置' }));
    expect(redeemed).toEqual([{ hubUrl: 'http://10.0.0.5:8787', code: '1234-5678-9012' }]);
  });
});
