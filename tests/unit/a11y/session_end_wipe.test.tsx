import { describe, expect, it, vi } from 'vitest';
import type { DraftState } from '../../../common/contract/forms_methods';
import type { TerminalInfo } from '../../../common/contract/system_methods';
import { createI18n } from '../../../renderer/i18n/i18n';
import { setTransport } from '../../../renderer/rpc/api';
import { createKioskSession } from '../../../renderer/state/kiosk_session';

const TERMINAL = {
  terminalId: 't1',
  centre: { id: 'c1', name: '测试中心', phone: '12348' },
  platformLevel: 'city',
  defaultLanguage: 'zh-CN',
  languages: ['zh-CN', 'en'],
  screen: { diagonalInches: 23.8, widthPx: 1920, heightPx: 1080 },
  session: { idleSeconds: 120, warningSeconds: 45 },
  speech: { onByDefault: false },
  directory: { mapProvider: 'amap' },
} as TerminalInfo;

/** The core as the page sees it: records every call; speech has no engine. */
function recordingCore() {
  const calls: string[] = [];
  setTransport({
    invoke: async (method) => {
      calls.push(method);
      const value = method === 'speech.render' ? { ok: false, reason: 'engine_missing' } : { ok: true };
      return { ok: true, value };
    },
    subscribe: () => () => {},
  });
  return calls;
}

describe('session end wipes every holder of visitor data (ACCESSIBILITY.md row 21)', () => {
  it('lists the holders in one registry created with the session', () => {
    recordingCore();
    const { store } = createKioskSession(TERMINAL, createI18n('zh-CN'));
    expect(store.visitorData.names()).toEqual([
      'forms: open drafts here, unkept drafts in the core',
      'speech engine: rate, volume, repeat buffer, played log',
      'speech log of the kit',
      'live regions',
      'staff mode',
      'sign-language panel: open, speed, captions',
    ]);
  });

  it('a visitor who filled in everything leaves nothing behind', async () => {
    const calls = recordingCore();
    const { store, kit, engine, forms } = createKioskSession(TERMINAL, createI18n('zh-CN'));
    forms.remember({ draftId: 'd1' } as DraftState);
    store.setSpeech(true);
    store.changeRate(-1);
    engine.setRateStep(0);
    engine.setVolumeStep(0);
    kit.speech.sayText('张三');
    kit.announcer.polite('已输入：张三');
    store.navigate({ name: 'form_step', draftId: 'd1', stepId: 'full_name' });
    store.setMode('staff');
    await vi.waitFor(() => expect(engine.log).toHaveLength(1));
    expect(kit.speechLog.entries()).toHaveLength(1);

    store.endSession();

    expect(forms.cachedDraft('d1')).toBeUndefined();
    expect(calls).toEqual(expect.arrayContaining(['forms.end_session', 'staff.lock']));
    expect([engine.rateStep, engine.volumeStep, engine.log]).toEqual([3, 5, []]);
    expect(kit.speechLog.entries()).toEqual([]);
    expect(kit.announcer.getState()).toEqual({ polite: null, assertive: null });
    expect(store.getState()).toMatchObject({
      screen: { name: 'home' },
      history: [],
      mode: 'visitor',
      settings: { speechOn: false, rateStep: 3 },
    });
  });

  it('locks staff mode in the core only when the session was in staff mode', () => {
    const calls = recordingCore();
    const { store } = createKioskSession(TERMINAL, createI18n('zh-CN'));
    store.endSession();
    expect(calls).toEqual(['forms.end_session']);
  });
});
