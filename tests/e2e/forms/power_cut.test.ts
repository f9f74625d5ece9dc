import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKiosk } from '../a11y/kiosk_page';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';
import { APPLICANT, readDraftAnswers } from './form_data';
import { keypadApplyForSelf, keypadKeys, keypadPress } from './keypad';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-power-cut-'));
let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;

const heading = (text: string | RegExp) => page.locator('#screen-heading', { hasText: text }).waitFor();
const button = (name: string) => page.getByRole('button', { name, exact: true });

beforeAll(async () => {
  host = await startDevHost({ dataDir });
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('power cut between answers', () => {
  let code = '';

  it('keeps every answer given before the dev host is killed (SIGKILL) and resumes after restart', async () => {
    await openKiosk(page, host);
    await keypadPress(page, page.getByRole('button', { name: /申请法律援助/ }));
    await heading('法律援助申请');
    await keypadPress(page, button('开始填写'));
    await keypadApplyForSelf(page);
    await heading(/姓名/);
    await page.getByRole('textbox', { name: '姓名' }).fill(APPLICANT.name);
    await keypadPress(page, button('下一步'));
    await heading(/性别/);
    await keypadPress(page, page.getByRole('radio', { name: '男' }));
    await keypadPress(page, button('保存草稿，下次再填'));
    await heading('草稿已保存');
    code = (await page.locator('[data-code]').getAttribute('data-code')) ?? '';
    await keypadPress(page, button('现在接着填写'));
    await heading(/性别/);
    await keypadPress(page, button('下一步'));
    await heading(/出生日期/);
    await keypadKeys(page, [...APPLICANT.birthDigits]);
    await keypadPress(page, button('下一步'));
    // the birth date is saved once the next question shows: cut the power now
    await heading(/民族/);
    expect(await host.stop('SIGKILL')).toBeNull();

    const [answers] = readDraftAnswers(dataDir);
    expect(answers).toMatchObject({
      full_name: APPLICANT.name,
      sex: 'male',
      birth_date: APPLICANT.birthDate,
    });

    host = await startDevHost({ dataDir });
    await openKiosk(page, host);
    await keypadPress(page, page.getByRole('button', { name: /申请法律援助/ }));
    await heading('法律援助申请');
    await keypadPress(page, button('我有取件码，接着填'));
    await keypadKeys(page, [...code]);
    await keypadPress(page, button('接着填写'));
    await heading(/民族/);
    await keypadPress(page, button('上一步'));
    await heading(/出生日期/);
    expect(await page.getByRole('textbox', { name: '出生日期' }).inputValue()).toBe(APPLICANT.birthDate);
    await keypadPress(page, button('上一步'));
    await heading(/性别/);
    expect(await page.getByRole('radio', { name: '男' }).getAttribute('aria-checked')).toBe('true');
    await keypadPress(page, button('上一步'));
    await heading(/姓名/);
    expect(await page.getByRole('textbox', { name: '姓名' }).inputValue()).toBe(APPLICANT.name);
  });
});
