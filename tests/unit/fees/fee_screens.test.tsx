import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import sample from '../../../assets/directory/baotou_sample.json';
import type { TestCore } from '../../integration/forms/support';
import { renderWithCore } from '../forms_ui/forms_harness';

let core: TestCore | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

const heading = (name: string | RegExp) => screen.findByRole('heading', { level: 2, name });
const button = (name: string | RegExp) => screen.getByRole('button', { name });

describe('fee calculator and directory screens against a real core', { timeout: 60_000 }, () => {
  it('asks one question per screen, refuses a bad amount next to the field, and gives 50 % for level 1', async () => {
    const user = userEvent.setup();
    const started = await renderWithCore();
    core = started.core;
    act(() => started.store.navigate({ name: 'notary_fees' }));
    await heading('您要办理什么公证？');
    await user.click(button('下一步'));
    await waitFor(() =>
      expect(document.getElementById('fee-answer-error')?.textContent).toContain(
        '请先选择一项，再按“下一步”。',
      ),
    );
    await user.click(screen.getByRole('radio', { name: '亲属关系公证' }));
    await user.click(button('下一步'));
    await heading('您的残疾人证上是几级？');
    await user.click(screen.getByRole('radio', { name: '一级' }));
    await user.click(button('下一步'));
    await heading('您是否符合法律援助条件？');
    // "Back" undoes the last answer and asks it again.
    await user.click(button('上一步'));
    await heading('您的残疾人证上是几级？');
    await user.click(screen.getByRole('radio', { name: '一级' }));
    await user.click(button('下一步'));
    await heading('您是否符合法律援助条件？');
    await user.click(screen.getByRole('radio', { name: '否' }));
    await user.click(button('下一步'));
    await heading('公证处告诉您的收费标准是多少元？');
    for (const key of ['1', '.', '2', '3', '4'])
      await user.click(screen.getByRole('button', { name: key === '.' ? /小数点|\./ : key }));
    await user.click(button('下一步'));
    await waitFor(() =>
      expect(document.getElementById('fee-answer-error')?.textContent).toMatch(/最多两位小数/),
    );
    await user.click(screen.getByRole('button', { name: '清空' }));
    for (const key of ['2', '0', '1']) await user.click(screen.getByRole('button', { name: key }));
    await user.click(button('下一步'));
    await heading('计算结果');
    // 50 % of 201 yuan, rounded in the visitor's favour: 100.50 to pay at most.
    expect(screen.getByTestId('fee-headline').textContent).toBe('最多缴纳：100.50 元');
    expect(screen.getByText('减免 50%，共减免 100.50 元（标准收费 201 元）')).toBeDefined();
    expect(screen.getByText('这是最低减免比例，公证处可以减免更多。')).toBeDefined();
  });

  it('directory: letters narrow the list, a result opens its detail with the sample label and the phone', async () => {
    const user = userEvent.setup();
    const started = await renderWithCore();
    core = started.core;
    act(() => started.store.navigate({ name: 'directory' }));
    await heading('法律服务机构');
    await waitFor(() => expect(screen.getAllByText(/示例数据/).length).toBeGreaterThan(0));
    for (const letter of ['s', 'f', 'j', 'd']) await user.click(screen.getByRole('button', { name: letter }));
    expect(screen.getByText('已输入：sfjd')).toBeDefined();
    await waitFor(() =>
      expect(document.querySelector('.directory-results__count')?.textContent).toBe('找到 2 个机构'),
    );
    await user.click(screen.getByRole('button', { name: /示例司法鉴定所/ }));
    await heading('示例司法鉴定所（样例数据）');
    const appraisal = sample.institutions.find((item) => item.id === 'qingshan-appraisal')!;
    expect(screen.getByText(appraisal.phone)).toBeDefined();
    expect(screen.getByRole('img', { name: /导航二维码/ })).toBeDefined();
    await user.click(button('返回查找结果'));
    await heading('法律服务机构');
    expect(screen.getByText('已输入：sfjd')).toBeDefined();
  });
});
