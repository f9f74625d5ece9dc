import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKioskDataDb } from '../../support/kiosk_database';
import { LANDSCAPE, navigate, openKiosk, PORTRAIT, setSettings } from '../a11y/kiosk_page';
import { sha256 } from '../forms/form_data';
import { launchChromium } from '../support/browser';
import { PROJECT_ROOT, type RunningDevHost, startDevHost } from '../support/dev_host';
import { checkMongolianScreen } from './mongolian_checks';

/**
 * Issue 18 item 3: the receipt screen of every form in Mongolian. Its note ("your information is cleared
 * after finish") was set with plain t() and drawn sideways and clipped; the sweep now covers every receipt.
 */
let host: RunningDevHost;
let browser: BrowserContext;
let page: Page;

/** The newest version of every form template shipped with the kiosk. */
function newestTemplates(): { id: string; version: string }[] {
  const newest = new Map<string, string>();
  for (const file of fs.readdirSync(path.join(PROJECT_ROOT, 'assets/templates')).sort()) {
    const [id, version] = file.replace(/\.json$/, '').split('@') as [string, string];
    newest.set(id, version);
  }
  return [...newest].map(([id, version]) => ({ id, version }));
}

/** One submission per form, as `forms.submit` leaves it (the receipt screen reads only its template and number). */
function seedSubmissions(dataDir: string): { templateId: string; uuid: string }[] {
  const db = openKioskDataDb(dataDir);
  try {
    const insert = db.prepare(
      'INSERT INTO submissions (uuid, template_id, template_version, payload, sha256, receipt_no, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    return newestTemplates().map((template, index) => {
      const uuid = randomUUID();
      const payload = JSON.stringify({ templateId: template.id, answers: {} });
      insert.run(
        uuid,
        template.id,
        template.version,
        payload,
        sha256(payload),
        `BT-TEST-${index}`,
        new Date().toISOString(),
      );
      return { templateId: template.id, uuid };
    });
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  host = await startDevHost();
  browser = await launchChromium([], PORTRAIT);
  page = await browser.newPage();
  await openKiosk(page, host);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('Mongolian receipt screens', () => {
  it('every form’s receipt screen, portrait XL and landscape S: every Mongolian run vertical and whole, axe clean', async () => {
    const receipts = seedSubmissions(host.dataDir);
    expect(receipts.map((r) => r.templateId)).toEqual(
      expect.arrayContaining(['legal_aid_application', 'mediation_request', 'satisfaction_feedback']),
    );
    const failures: string[] = [];
    for (const [viewport, textSize] of [
      [PORTRAIT, 'XL'],
      [LANDSCAPE, 'S'],
    ] as const) {
      await page.setViewportSize(viewport);
      for (const receipt of receipts) {
        await navigate(page, { name: 'form_receipt', uuid: receipt.uuid });
        await setSettings(page, { language: 'mn-Mong-CN', textSize });
        await page.locator('.form-step__note').waitFor();
        await checkMongolianScreen(page, `${receipt.templateId} ${textSize} ${viewport.width}`, failures);
      }
    }
    expect(failures).toEqual([]);
  });
});
