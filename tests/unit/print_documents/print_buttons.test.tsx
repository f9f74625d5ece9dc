import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import content from '../../../assets/content/baotou_content.json';
import table from '../../../assets/fees/baotou_default.json';
import { err, ok } from '../../../common/result';
import type { PrintDocument, Printer } from '../../../core/printing/printer';
import type { TestCore } from '../../integration/forms/support';
import { renderWithCore } from '../forms_ui/forms_harness';

let core: TestCore | null = null;
afterEach(() => {
  core?.close();
  core = null;
});

const heading = (name: string | RegExp) => screen.findByRole('heading', { level: 2, name });
const button = (name: string | RegExp) => screen.getByRole('button', { name });

/** A printer that keeps what it was given and answers as told. */
function recordingPrinter(outcome: 'ok' | 'out_of_paper'): Printer & { jobs: PrintDocument[] } {
  const jobs: PrintDocument[] = [];
  return {
    jobs,
    print: async (doc) => {
      jobs.push(doc);
      return outcome === 'ok' ? ok({ jobId: `job-${jobs.length}` }) : err({ reason: outcome });
    },
  };
}

/** Runs the calculator for a 72-year-old with a level-4 certificate making a first will. */
async function firstWillAt72(user: ReturnType<typeof userEvent.setup>) {
  await heading('您要办理什么公证？');
  await user.click(screen.getByRole('radio', { name: '遗嘱公证' }));
  await user.click(button('下一步'));
  await heading('您的残疾人证上是几级？');
  await user.click(screen.getByRole('radio', { name: '四级' }));
  await user.click(button('下一步'));
  await heading('您今年多少周岁？');
  for (const key of ['7', '2']) await user.click(button(key));
  await user.click(button('下一步'));
  await heading('这是您第一次办理遗嘱公证吗？');
  await user.click(screen.getByRole('radio', { name: '是' }));
  await user.click(button('下一步'));
  await heading('计算结果');
}

const overSeventy = table.rules.find((rule) => rule.id === 'over_70_first_will')!;

describe('print buttons of the fee result and the legal-aid guide', { timeout: 60_000 }, () => {
  it('the fee result prints what the core computed, and says where to take the paper', async () => {
    const user = userEvent.setup();
    const printer = recordingPrinter('ok');
    const started = await renderWithCore(printer);
    core = started.core;
    act(() => started.store.navigate({ name: 'notary_fees' }));
    await firstWillAt72(user);
    await user.click(button('打印计算结果'));
    await screen.findByText('计算结果已打印，请从出纸口取走。', { selector: '.print-outcome--done' });
    expect(printer.jobs).toHaveLength(1);
    expect(printer.jobs[0]!.kind).toBe('fee_result');
    expect(printer.jobs[0]!.html).toContain('免收公证费');
    expect(printer.jobs[0]!.html).toContain(overSeventy.title['zh-CN']);
  });

  it('no printer: the fee result says to ask the front desk, large and announced, never success', async () => {
    const user = userEvent.setup();
    const started = await renderWithCore();
    core = started.core;
    act(() => started.store.navigate({ name: 'notary_fees' }));
    await firstWillAt72(user);
    await user.click(button('打印计算结果'));
    const message = '这台终端没有连接打印机。请到前台请工作人员帮您打印。';
    await screen.findByText(message, { selector: '.print-outcome--failed' });
    await waitFor(() => expect(screen.getByTestId('live-assertive').textContent).toBe(message));
    expect(screen.queryByText('计算结果已打印，请从出纸口取走。')).toBeNull();
  });

  it('out of paper on the guide: the checklist print failure is shown and announced, nothing about a saved application', async () => {
    const user = userEvent.setup();
    const printer = recordingPrinter('out_of_paper');
    const started = await renderWithCore(printer);
    core = started.core;
    act(() => started.store.navigate({ name: 'legal_aid_guide' }));
    await heading('法律援助指南');
    await waitFor(() => expect(screen.getByText(content.guide.checklist[0]!.text['zh-CN'])).toBeDefined());
    await user.click(button('打印材料清单'));
    const message = '打印机没有纸了，没能打印。请到前台请工作人员帮忙。';
    await screen.findByText(message, { selector: '.print-outcome--failed' });
    await waitFor(() => expect(screen.getByTestId('live-assertive').textContent).toBe(message));
    expect(screen.queryByText(/您的申请已经保存/)).toBeNull();
    expect(printer.jobs.map((job) => job.kind)).toEqual(['checklist']);
  });

  it('the guide prints the checklist and leads into the legal-aid application', async () => {
    const user = userEvent.setup();
    const printer = recordingPrinter('ok');
    const started = await renderWithCore(printer);
    core = started.core;
    act(() => started.store.navigate({ name: 'legal_aid_guide' }));
    await heading('法律援助指南');
    await waitFor(() => expect(button('打印材料清单')).toBeDefined());
    await user.click(button('打印材料清单'));
    await screen.findByText('材料清单已打印，请从出纸口取走。', { selector: '.print-outcome--done' });
    for (const item of content.guide.checklist) expect(printer.jobs[0]!.html).toContain(item.text['zh-CN']);
    await user.click(button('申请法律援助'));
    await heading(/法律援助申请/);
    // …and the application's start page leads back to the guide.
    await user.click(button('先看法律援助指南（谁能申请、要带什么）'));
    await heading('法律援助指南');
  });

  it('only the legal-aid application offers the guide on its start page', async () => {
    const started = await renderWithCore();
    core = started.core;
    act(() => started.store.navigate({ name: 'form_start', templateId: 'home_visit_booking' }));
    await heading(/上门/);
    expect(screen.queryByRole('button', { name: /法律援助指南/ })).toBeNull();
  });
});
