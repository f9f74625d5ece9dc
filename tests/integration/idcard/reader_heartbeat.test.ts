import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskConfigInput } from '../../../common/config_schema';
import { startForms } from '../../../core/forms/forms_handlers';
import { FolderChannel } from '../../../core/idcard/folder_channel';
import { IdCardService } from '../../../core/idcard/id_card_service';
import { PollingReader } from '../../../core/idcard/polling_reader';
import { createKioskCore, type KioskCore } from '../../../core/kiosk_core';
import { issueToken } from '../../../hub/tokens';
import { createMemoryLogger } from '../../../node_shared/logger';
import { placeCard, SAMPLE_CARDS } from '../../../scripts/idcard/sample_cards';
import { writeTestProfile } from '../../support/test_pki';
import { startTestCore, type TestCore } from '../forms/support';
import { enrollTerminal, startTestHub, type TestHub, tempDir } from '../sync/support/hub_harness';
import { writeKioskConfig } from '../sync/support/kiosk_harness';
import { cardEvents, READER_LOCATION, readerConfig } from './id_card_support';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the reader in the fleet heartbeat', () => {
  it('reports the reader state to the hub, and the fleet page shows it', async () => {
    // Plain HTTP on loopback: the fleet page is read with fetch; the profile trusts that hub.
    const hub: TestHub = await startTestHub({ plainHttp: true });
    cleanups.push(() => hub.stop());
    const dataDir = tempDir('kiosk');
    const configPath = writeKioskConfig(
      dataDir,
      'kiosk-1',
      hub.url,
      await enrollTerminal(hub.store, 'kiosk-1'),
    );
    const config: KioskConfigInput = JSON.parse(fs.readFileSync(configPath, 'utf8'));
    config.idCardReader = {
      adapter: 'simulated',
      folder: path.join(dataDir, 'cards'),
      location: READER_LOCATION,
    };
    fs.writeFileSync(configPath, JSON.stringify(config));
    const core: KioskCore = createKioskCore({
      dataDir,
      configPath,
      profilePath: writeTestProfile(dataDir, [hub.url]),
      appVersion: '0.1.0',
      logger: createMemoryLogger(),
      sync: { heartbeatMs: 100, probeMs: 200 },
    });
    cleanups.push(() => core.close());
    const reported = async () =>
      (await hub.store.heartbeats()).find((r) => r.terminalId === 'kiosk-1')?.heartbeat;
    for (let i = 0; i < 100 && (await reported())?.idCardReader?.status !== 'ok'; i++) await sleep(50);
    expect((await reported())?.idCardReader).toEqual({ status: 'ok' });

    const admin = (await issueToken(hub.store, { role: 'admin', centres: null }, new Date())).token;
    const page = await (
      await fetch(`${hub.url}/fleet`, { headers: { authorization: `Bearer ${admin}` } })
    ).text();
    const headers = [...page.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    const row = page.slice(page.indexOf('<th scope="row">kiosk-1</th>'));
    const cells = [...row.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);
    // the row header takes the first column; the reader's cell sits under its own header
    expect(cells[headers.indexOf('身份证读卡器') - 1]).toBe('正常');
  });
});

describe('listening ends by itself', () => {
  let core: TestCore;
  afterEach(() => core?.close());

  it('a forgotten "place your card" screen stops listening after its time', async () => {
    const cards = tempDir('cards');
    const { configPath, dataDir } = readerConfig(cards);
    core = startTestCore({ configPath, dataDir });
    const forms = startForms(core.deps);
    const service = new IdCardService({
      reader: new PollingReader(new FolderChannel(cards), { pollMs: 10, reopenMs: 50 }),
      adapter: 'simulated',
      forms,
      events: core.events,
      logger: core.deps.logger,
      audit: core.deps.audit,
      offersMongolian: false,
      now: () => new Date(),
      armTtlMs: 150,
    });
    cleanups.push(() => service.close());
    const events = cardEvents(core);
    const started = forms.startDraft('legal_aid_application');
    if (!started.ok) throw new Error('start');
    expect(service.arm(started.draft.draftId, 'applicant')).toEqual({ ok: true, ready: true });
    await sleep(300);
    placeCard(cards, SAMPLE_CARDS.sample);
    await sleep(300);
    expect(events.seen).toEqual([]);
    expect(forms.getDraft(started.draft.draftId)).toMatchObject({ ok: true, draft: { answers: {} } });
  });
});
