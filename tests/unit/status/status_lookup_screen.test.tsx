import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it } from 'vitest';
import { setTransport } from '../../../renderer/rpc/api';
import { StatusLookupScreen } from '../../../renderer/screens/status/status_lookup_screen';
import { startTestCore, type TestCore } from '../../integration/forms/support';
import { renderWithKit } from '../a11y/kit_harness';

let core: TestCore | undefined;
afterEach(() => core?.close());

/** The screen against a real kiosk core whose hub cannot be reached (the sample terminal is not enrolled). */
function renderLookup() {
  core = startTestCore();
  const started = core;
  setTransport({ invoke: (method, args) => started.dispatch(method, args), subscribe: () => () => {} });
  return renderWithKit(<StatusLookupScreen />);
}

it('says a malformed receipt number and six characters are wrong, without asking the centre', async () => {
  const user = userEvent.setup();
  const { spoken } = renderLookup();
  await user.type(screen.getByRole('textbox', { name: '回执号' }), 'BT 0012');
  await user.type(screen.getByRole('textbox', { name: '身份证号码后六位' }), '12a');
  await user.click(screen.getByRole('button', { name: '查询' }));
  expect(await screen.findByText('请输入六位：数字，最后一位可以是 X。')).toBeTruthy();
  expect(spoken().join(' ')).toContain('回执号只有字母、数字和短横线');
}, 60_000);

it('says it cannot reach the centre and gives the centre phone, shown large and spoken', async () => {
  const user = userEvent.setup();
  const { spoken } = renderLookup();
  await user.type(screen.getByRole('textbox', { name: '回执号' }), 'BT-0012-261128-007');
  await user.type(screen.getByRole('textbox', { name: '身份证号码后六位' }), '07002x');
  await user.click(screen.getByRole('button', { name: '查询' }));
  const heading = await screen.findByRole('heading', { name: '申请进度' });
  await waitFor(() => expect(document.activeElement).toBe(heading));
  const message = '现在无法连接中心，查不到最新进度。请稍后再试，或拨打中心电话 12348。';
  expect(screen.getByText(message)).toBeTruthy();
  await waitFor(() => expect(spoken()).toContain(message));
  await user.click(screen.getByRole('button', { name: '再查一份' }));
  expect(screen.getByRole('textbox', { name: '回执号' })).toHaveProperty('value', '');
}, 60_000);

it('is filled with the on-screen keys alone: capitals and "-" for the receipt, the number pad for the six', async () => {
  const user = userEvent.setup();
  const { spoken } = renderLookup();
  const press = async (name: string) => user.click(screen.getByRole('button', { name }));
  const letters = await screen.findByRole('group', { name: '字母和数字键盘' });
  expect(letters).toBeTruthy();
  for (const key of ['B', 'T', '短横线', '0', '0', '1', '2']) await press(key);
  expect(screen.getByRole('textbox', { name: '回执号' })).toHaveProperty('value', 'BT-0012');
  // "done" checks the receipt number, then moves to the six, on the number pad
  await press('完成');
  expect(document.activeElement).toBe(screen.getByRole('textbox', { name: '身份证号码后六位' }));
  expect(screen.queryByRole('group', { name: '字母和数字键盘' })).toBeNull();
  for (const key of ['0', '7', '0', '0', '2', '字母X']) await press(key);
  expect(screen.getByRole('textbox', { name: '身份证号码后六位' })).toHaveProperty('value', '07002X');
  // the six are never spoken back as digits
  expect(spoken().join(' ')).not.toContain('07002');
  await press('完成');
  await screen.findByRole('heading', { name: '申请进度' });
  expect(screen.getByText(/现在无法连接中心/)).toBeTruthy();
}, 60_000);

it('"done" on a malformed receipt number stays on it and says why', async () => {
  const user = userEvent.setup();
  const { spoken } = renderLookup();
  await user.type(screen.getByRole('textbox', { name: '回执号' }), 'BT 0012');
  await user.click(await screen.findByRole('button', { name: '完成' }));
  // shown next to the field (its description) and announced
  const field = screen.getByRole('textbox', { name: '回执号' });
  await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
  const described = field.getAttribute('aria-describedby')!.split(' ');
  expect(described.map((id) => document.getElementById(id)?.textContent).join(' ')).toContain(
    '回执号只有字母、数字和短横线，请对照回执再输入。',
  );
  expect(screen.getByRole('group', { name: '字母和数字键盘' })).toBeTruthy();
  expect(spoken().join(' ')).toContain('回执号只有字母');
}, 60_000);
