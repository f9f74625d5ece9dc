import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import directory from '../../../assets/directory/baotou_sample.json';
import feeRules from '../../../assets/fees/baotou_default.json';
import { hubIdOfToken } from '../../../common/sync/token_format';
import { AssetStore } from '../../../core/sync/asset_store';
import { HubClient } from '../../../core/sync/hub_client';
import { pollManifest } from '../../../core/sync/manifest_poller';
import { HubIdentityWatch } from '../../../core/trust/hub_identity_watch';
import { prepareItem } from '../../../hub/publish';
import { createMemoryLogger } from '../../../node_shared/logger';
import { testEndpoint } from '../../support/test_pki';
import {
  allStored,
  enrollTerminal,
  publishFixture,
  startTestHub,
  type TestHub,
  tempDir,
} from './support/hub_harness';
import { startKioskCore } from './support/kiosk_core_harness';
import { openKioskDb, waitFor, waitForAsync } from './support/kiosk_harness';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type AssetRow = { kind: string; id: string; version: string; state: string };

/** The hub publishes only files its kiosks accept: the shipped data under a new id and version. */
const SHIPPED = { directory, fee_rules: feeRules };

async function publishJson(hub: TestHub, kind: 'directory' | 'fee_rules', id: string, version: string) {
  const item = prepareItem({ kind, body: Buffer.from(JSON.stringify({ ...SHIPPED[kind], id, version })) });
  if (!item.ok) throw new Error(item.error);
  await hub.store.publish({ ...item.value, publishedAt: new Date().toISOString() });
}

async function downlink() {
  const hub = await startTestHub();
  cleanups.push(() => hub.stop());
  const token = await enrollTerminal(hub.store, 'kiosk-1');
  const db = openKioskDb(tempDir('kiosk-down'));
  cleanups.push(() => db.close());
  const client = new HubClient({
    endpoint: testEndpoint(hub.url),
    identity: new HubIdentityWatch(createMemoryLogger(), () => new Date()),
    token,
    hubId: hubIdOfToken(token)!,
    appVersion: '0.1.0',
    schemaVersion: 2,
    timeoutMs: 5_000,
  });
  cleanups.push(() => client.close());
  const assets = new AssetStore(db);
  const rows = () =>
    db.prepare('SELECT kind, id, version, state FROM assets ORDER BY kind, id, version').all() as AssetRow[];
  const poll = () => pollManifest(client, assets, createMemoryLogger(), () => new Date());
  return { hub, db, rows, poll };
}

describe('downlink', () => {
  it('installs changed items, switches them together and keeps the previous version', async () => {
    const { hub, rows, poll } = await downlink();
    await publishJson(hub, 'directory', 'baotou', '2026.1');
    expect(await poll()).toMatchObject({ ok: true });
    expect(rows()).toEqual([
      { kind: 'directory', id: 'baotou', version: '2026.1', state: 'active' },
      { kind: 'template', id: 'sync_fixture_form', version: '1.0.0', state: 'active' },
    ]);
    // Nothing changed: nothing downloaded or switched.
    expect(await poll()).toEqual({ ok: true, switched: [] });

    await publishFixture(hub.store, '1.1.0');
    await publishJson(hub, 'directory', 'baotou', '2026.2');
    await publishJson(hub, 'directory', 'baotou', '2026.3');
    expect(await poll()).toMatchObject({ ok: true });
    await publishJson(hub, 'directory', 'baotou', '2026.4');
    expect(await poll()).toMatchObject({ ok: true });
    expect(rows()).toEqual([
      { kind: 'directory', id: 'baotou', version: '2026.3', state: 'previous' },
      { kind: 'directory', id: 'baotou', version: '2026.4', state: 'active' },
      // Templates keep every version: a draft stays on the version it started with.
      { kind: 'template', id: 'sync_fixture_form', version: '1.0.0', state: 'previous' },
      { kind: 'template', id: 'sync_fixture_form', version: '1.1.0', state: 'active' },
    ]);
  });

  it('refuses bytes that do not match the manifest and switches nothing', async () => {
    const { hub, rows, poll } = await downlink();
    expect(await poll()).toMatchObject({ ok: true });
    await publishJson(hub, 'fee_rules', 'notary', '2');
    await publishFixture(hub.store, '1.2.0');
    // Someone tampers with the stored bytes after publishing (or the wire corrupts them).
    const raw = new Database(path.join(hub.dataDir, 'hub.sqlite'));
    raw
      .prepare("UPDATE items SET body = ? WHERE kind = 'fee_rules'")
      .run(Buffer.from('{"id":"notary","version":"3","rules":[]}'));
    raw.close();
    expect(await poll()).toEqual({ ok: false, reason: 'hash_mismatch' });
    expect(rows().filter((row) => row.state === 'active')).toEqual([
      { kind: 'template', id: 'sync_fixture_form', version: '1.0.0', state: 'active' },
    ]);
    expect(rows().some((row) => row.kind === 'fee_rules')).toBe(false);
  });

  it('polls the manifest when the core starts and finds its hub', async () => {
    const hub = await startTestHub();
    cleanups.push(() => hub.stop());
    const core = startKioskCore(hub.url, await enrollTerminal(hub.store, 'kiosk-1'));
    cleanups.push(() => core.close());
    const installed = () =>
      (core.deps.db.prepare("SELECT count(*) AS n FROM assets WHERE state = 'active'").get() as { n: number })
        .n;
    expect(await waitFor(() => installed() === 1, 10_000)).toBe(true);
  });

  it('hands published templates to the forms core: a visitor files one and it reaches the hub', async () => {
    const hub = await startTestHub();
    cleanups.push(() => hub.stop());
    await publishFixture(hub.store, '3.0.0');
    const core = startKioskCore(hub.url, await enrollTerminal(hub.store, 'kiosk-1'));
    cleanups.push(() => core.close());
    const template = async () =>
      core.dispatch('forms.get_template', { id: 'sync_fixture_form', version: '3.0.0' });
    expect(
      await waitForAsync(
        async () => ((await template()) as { value?: { ok: boolean } }).value?.ok === true,
        10_000,
      ),
    ).toBe(true);

    const started = await core.dispatch('forms.start_draft', { templateId: 'sync_fixture_form' });
    const draftId = (started as { value: { draft: { draftId: string; template: { version: string } } } })
      .value.draft.draftId;
    expect(
      (started as { value: { draft: { template: { version: string } } } }).value.draft.template.version,
    ).toBe('3.0.0');
    await core.dispatch('forms.save_answer', { draftId, stepId: 'topic', value: '邻里纠纷' });
    const submitted = await core.dispatch('forms.submit', { draftId });
    const uuid = (submitted as { value: { ok: true; uuid: string } }).value.uuid;
    expect(
      await waitForAsync(async () => (await allStored(hub.store)).some((row) => row.uuid === uuid), 10_000),
    ).toBe(true);
    const row = core.deps.db.prepare('SELECT sha256 FROM submissions WHERE uuid = ?').get(uuid) as {
      sha256: string;
    };
    expect((await allStored(hub.store)).find((stored) => stored.uuid === uuid)?.sha256).toBe(row.sha256);
  });
});
