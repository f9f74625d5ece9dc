import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { navigate, openKiosk, PORTRAIT, setSettings } from '../a11y/kiosk_page';
import { launchChromium } from '../support/browser';
import { type RunningDevHost, startDevHost } from '../support/dev_host';
import { checkMongolianScreen } from './mongolian_checks';

/**
 * The people's mediation request in Mongolian (engineer's drafts, unreviewed) at XL in portrait: its start
 * page, the steps with the longest drafts, the court-case refusal and the review. Every Mongolian run must be
 * vertical and whole, and axe clean.
 */
let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;
let draftId: string;

/** A call to the kiosk core through the dev host's RPC endpoint (test setup: the visitor's answers). */
async function rpc(method: string, args: unknown) {
  const response = await fetch(`${host.origin}/rpc`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ method, args }),
  });
  const body = (await response.json()) as { ok: boolean; value?: Record<string, unknown> };
  if (!body.ok) throw new Error(`${method} failed`);
  return body.value as Record<string, unknown> & { ok: boolean };
}

const ANSWERS: [string, unknown][] = [
  ['full_name', 'ᠪᠠᠲᠤ'],
  ['resident_id', '150203199003070025'],
  ['address', '包头市昆都仑区钢铁大街1号2单元301室'],
  ['phone', '13912345678'],
  ['has_disability_cert', false],
  ['other_party_name', '楼上502的住户'],
  ['relation', 'neighbour'],
  ['dispute_type', 'neighbourhood'],
  ['dispute_description', '楼上卫生间漏水三个月，对方不肯维修。'],
  ['involves_money', false],
  ['tried_before', ['committee']],
  ['mediation_place', 'home_visit'],
  ['visit_at_home_address', true],
  ['preferred_date', '2099-12-15'],
  ['preferred_time', 'morning'],
  ['accommodations', ['mongolian', 'companion']],
  ['voluntary', 'agree'],
];

beforeAll(async () => {
  host = await startDevHost();
  browser = await launchChromium([], PORTRAIT);
  page = await browser.newPage();
  await openKiosk(page, host);
  const started = (await rpc('forms.start_draft', { templateId: 'mediation_request' })) as unknown as {
    draft: { draftId: string };
  };
  draftId = started.draft.draftId;
  for (const [stepId, value] of ANSWERS) {
    const saved = await rpc('forms.save_answer', { draftId, stepId, value });
    if (!saved.ok) throw new Error(stepId);
  }
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('people\u2019s mediation request in Mongolian (XL, portrait)', () => {
  it('start page, long steps, the court-case refusal and the review: vertical, whole, axe clean', async () => {
    const failures: string[] = [];
    const show = async (screen: Parameters<typeof navigate>[1], where: string) => {
      await navigate(page, screen);
      await setSettings(page, { language: 'mn-Mong-CN', textSize: 'XL' });
      await page.locator('#screen-heading').waitFor();
      await checkMongolianScreen(page, where, failures);
    };
    await show({ name: 'form_start', templateId: 'mediation_request' }, 'form_start');
    for (const stepId of ['other_party_phone', 'relation', 'mediation_place', 'accommodations', 'voluntary'])
      await show({ name: 'form_step', draftId, stepId }, `form_step ${stepId}`);

    await show({ name: 'form_step', draftId, stepId: 'tried_before' }, 'form_step tried_before');
    await page.getByRole('checkbox').nth(4).click();
    await page.locator('main .kiosk-button--primary').first().click();
    await page.locator('.field-error').first().waitFor();
    expect(await page.locator('.field-error').first().textContent()).toMatch(/[\u1820-\u1842]/u);
    await checkMongolianScreen(page, 'form_step tried_before refused', failures);

    await show({ name: 'form_review', draftId }, 'form_review');
    expect(failures).toEqual([]);
  });
});
