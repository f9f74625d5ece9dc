import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../common/languages';
import { openKioskDatabase } from '../../../core/storage/open_kiosk_database';
import { AssetStore } from '../../../core/sync/asset_store';
import { prepareItem } from '../../../hub/publish';
import { createMemoryLogger } from '../../../node_shared/logger';
import { SignController, type SignLookup } from '../../../renderer/sign_language/sign_controller';
import { SessionStore } from '../../../renderer/state/session_store';
import { buildTestPack } from '../../fixtures/sign_language/test_clips';
import { startTestCore, type TestCore } from '../../integration/forms/support';

const HOME = 'catalog:common:home.heading';
const NAME = 'template:legal_aid_application@1.1.0:full_name.prompt';
const MALE = 'template:legal_aid_application@1.1.0:sex.option.male';
const NO_CLIP = 'catalog:common:help.heading';

let core: TestCore;
let lookup: SignLookup;
const asked: { keys: readonly string[]; language: Language }[] = [];

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sign-controller-'));
  const pack = await buildTestPack(
    dir,
    {
      id: 'csl-ui',
      version: '1',
      signLanguage: 'csl',
      clips: [
        { file: 'home.webm', keys: [HOME] },
        { file: 'name.webm', keys: [NAME] },
        { file: 'male.webm', keys: [MALE] },
      ],
    },
    { 'home.webm': { seconds: 1 }, 'name.webm': { seconds: 1 }, 'male.webm': { seconds: 1 } },
  );
  // Installed as the downlink installs it, then a real core serves the lookups.
  const dataDir = path.join(dir, 'kiosk');
  fs.mkdirSync(dataDir);
  // The terminal's own database and key, as the core will open them.
  const db = openKioskDatabase(dataDir, { logger: createMemoryLogger(), now: () => new Date() });
  const item = prepareItem({ kind: 'sign_pack', body: pack.archive });
  if (!item.ok) throw new Error(item.error);
  const listed = {
    kind: item.value.kind,
    id: item.value.id,
    version: item.value.version,
    sha256: item.value.sha256,
    size: pack.archive.length,
  };
  const assets = new AssetStore(db);
  assets.putStaged(listed, pack.archive, new Date());
  assets.switchTo([listed], new Date());
  db.close();
  core = startTestCore({ dataDir });
  lookup = async (keys, language) => {
    asked.push({ keys, language });
    return (await core.call('sign.lookup', { keys: [...keys], language })).clips;
  };
}, 60_000);

afterAll(() => core?.close());

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

function setUp(find: SignLookup = lookup) {
  const store = new SessionStore();
  const controller = new SignController(store, find);
  return { store, controller };
}

describe('the sign-language panel controller', () => {
  it("the screen's clip is its highest-priority screen key with a clip; option clips play only on focus, in the open panel", async () => {
    const { store, controller } = setUp();
    store.navigate({ name: 'help' });
    controller.registry.register({ keys: [NO_CLIP, HOME], role: 'screen', priority: 0 });
    controller.registry.register({ keys: [NAME], role: 'screen', priority: 10 });
    controller.registry.register({ keys: [MALE], role: 'part', priority: 0 });
    await settle();
    const state = controller.getState();
    expect(state.screenKey).toBe(NAME);
    expect([...state.clips!.keys()].sort()).toEqual([HOME, MALE, NAME].sort());
    expect(state.open).toBe(false);
    controller.show(MALE);
    expect(controller.getState().shownKey).toBe(NAME);

    const opener = document.createElement('button');
    document.body.append(opener);
    controller.toggle(opener);
    expect(controller.getState()).toMatchObject({
      open: true,
      shownKey: NAME,
      focusPanel: true,
      playRequest: 1,
    });
    controller.show(MALE);
    expect(controller.getState()).toMatchObject({ shownKey: MALE, playRequest: 2 });
    controller.show(NO_CLIP);
    expect(controller.getState().shownKey).toBe(MALE);
    controller.show(null);
    expect(controller.getState()).toMatchObject({ shownKey: NAME, playRequest: 3 });
    controller.close();
    expect(controller.getState().open).toBe(false);
    expect(document.activeElement).toBe(opener);
    controller.dispose();
  });

  it('a late answer for the previous screen never overwrites the new one', async () => {
    const pending: (() => void)[] = [];
    const slow: SignLookup = (keys, language) =>
      new Promise((resolve) => pending.push(() => void lookup(keys, language).then(resolve)));
    const { store, controller } = setUp(slow);
    const unregister = controller.registry.register({ keys: [HOME], role: 'screen', priority: 0 });
    await settle();
    store.navigate({ name: 'help' });
    unregister();
    controller.registry.register({ keys: [NO_CLIP], role: 'screen', priority: 0 });
    await settle();
    pending[1]!();
    await settle();
    pending[0]!();
    await settle();
    expect(controller.getState()).toMatchObject({ screenKey: null, shownKey: null });
    expect(controller.getState().clips?.size).toBe(0);
    controller.dispose();
  });

  it('sign language first opens each new screen once (not again after the visitor closed it), with or without a clip', async () => {
    const { store, controller } = setUp();
    store.setSignFirst(true);
    store.navigate({ name: 'forms_menu' });
    const first = controller.registry.register({ keys: [HOME], role: 'screen', priority: 0 });
    await settle();
    expect(controller.getState()).toMatchObject({ open: true, shownKey: HOME, focusPanel: false });
    controller.close();
    const later = controller.registry.register({ keys: [MALE], role: 'part', priority: 0 });
    await settle();
    expect(controller.getState().open).toBe(false);
    // The next screen: the app unmounts the old one (its keys go) and mounts the new one.
    store.navigate({ name: 'help' });
    first();
    later();
    controller.registry.register({ keys: [NO_CLIP], role: 'screen', priority: 0 });
    await settle();
    expect(controller.getState()).toMatchObject({ open: true, shownKey: null });
    controller.dispose();
  });

  it('looks the keys up again in the new language; session end closes the panel and restores speed and captions', async () => {
    const { store, controller } = setUp();
    controller.registry.register({ keys: [HOME], role: 'screen', priority: 0 });
    await settle();
    asked.length = 0;
    store.setLanguage('mn-Mong-CN');
    await settle();
    expect(asked).toEqual([{ keys: [HOME], language: 'mn-Mong-CN' }]);
    controller.toggle(null);
    controller.setRate(0.5);
    controller.setCaptions(false);
    store.setSignFirst(true);
    store.endSession();
    expect(controller.getState()).toMatchObject({
      open: false,
      rate: 1,
      captionsOn: true,
      clips: null,
      screenKey: null,
    });
    expect(store.getState().settings.signFirst).toBe(false);
    controller.dispose();
  });

  it('a failed lookup means no clips, never a broken panel', async () => {
    const { controller } = setUp(async () => {
      throw new Error('core unreachable');
    });
    controller.registry.register({ keys: [HOME], role: 'screen', priority: 0 });
    await settle();
    expect(controller.getState()).toMatchObject({ screenKey: null });
    expect(controller.getState().clips?.size).toBe(0);
    controller.dispose();
  });
});
