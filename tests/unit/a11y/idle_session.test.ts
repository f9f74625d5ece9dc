import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer } from '../../../renderer/state/idle_timer';
import { SessionStore } from '../../../renderer/state/session_store';

const TERMINAL_DEFAULTS = { language: 'zh-CN', speechOn: false } as const;

function visitorChangesEverything(store: SessionStore) {
  store.setLanguage('en');
  store.cycleTheme();
  store.changeTextSize(1);
  store.toggleSpeech();
  store.changeRate(1);
  store.changeVolume(-1);
  store.navigate({ name: 'form_start', templateId: 'legal_aid_application' });
  store.navigate({ name: 'help' });
}

describe('idle timeout and session reset (fake timers)', () => {
  let store: SessionStore;
  let idle: IdleTimer;
  let draft: string | null;

  beforeEach(() => {
    vi.useFakeTimers();
    store = new SessionStore(TERMINAL_DEFAULTS);
    draft = null;
    store.visitorData.register('test draft', () => {
      draft = null;
    });
    idle = new IdleTimer({ idleSeconds: 120, warningSeconds: 45, onExpire: () => store.endSession() });
    idle.start();
  });

  afterEach(() => {
    idle.stop();
    vi.useRealTimers();
  });

  it('warns after the idle time with a 45 s countdown, then ends the session and clears everything', () => {
    const pristine = store.getState();
    visitorChangesEverything(store);
    draft = '张三 13800000000';
    vi.advanceTimersByTime(119_000);
    expect(idle.getPhase()).toEqual({ phase: 'active' });
    vi.advanceTimersByTime(1_000);
    expect(idle.getPhase()).toEqual({ phase: 'warning', secondsLeft: 45 });
    vi.advanceTimersByTime(30_000);
    expect(idle.getPhase()).toEqual({ phase: 'warning', secondsLeft: 15 });
    expect(store.getState().screen).toEqual({ name: 'help' });
    vi.advanceTimersByTime(15_000);
    expect(idle.getPhase()).toEqual({ phase: 'active' });
    const after = store.getState();
    expect(after.settings).toEqual(pristine.settings);
    expect(after.screen).toEqual({ name: 'home' });
    expect(after.history).toEqual([]);
    expect(after.sessionNumber).toBe(pristine.sessionNumber + 1);
    expect(draft).toBeNull();
  });

  it('one action continues, any number of times, and the visitor keeps everything', () => {
    visitorChangesEverything(store);
    const before = store.getState();
    for (let round = 0; round < 5; round++) {
      vi.advanceTimersByTime(120_000 + 40_000);
      expect(idle.getPhase()).toMatchObject({ phase: 'warning', secondsLeft: 5 });
      idle.extend();
      expect(idle.getPhase()).toEqual({ phase: 'active' });
    }
    expect(store.getState()).toBe(before);
  });

  it('activity restarts the idle period; a stray input during the warning does not dismiss it', () => {
    vi.advanceTimersByTime(100_000);
    idle.activity();
    vi.advanceTimersByTime(100_000);
    expect(idle.getPhase()).toEqual({ phase: 'active' });
    vi.advanceTimersByTime(20_000);
    expect(idle.getPhase().phase).toBe('warning');
    idle.activity();
    expect(idle.getPhase().phase).toBe('warning');
  });

  it('after expiry a new idle period starts for the next visitor', () => {
    vi.advanceTimersByTime(165_000);
    expect(store.getState().sessionNumber).toBe(1);
    vi.advanceTimersByTime(120_000);
    expect(idle.getPhase()).toEqual({ phase: 'warning', secondsLeft: 45 });
  });

  it('staff mode is exempt: no warning, no reset', () => {
    store.setMode('staff');
    const exempt = new IdleTimer({
      idleSeconds: 120,
      warningSeconds: 45,
      onExpire: () => store.endSession(),
      isExempt: () => store.getState().mode === 'staff',
    });
    exempt.start();
    vi.advanceTimersByTime(3_600_000);
    expect(exempt.getPhase()).toEqual({ phase: 'active' });
    exempt.stop();
  });
});

describe('session store', () => {
  it('Back returns along the way the visitor came; home starts afresh', () => {
    const store = new SessionStore();
    expect(store.back()).toBe(false);
    store.navigate({ name: 'form_start', templateId: 'home_visit_booking' });
    store.navigate({ name: 'help' });
    expect(store.back()).toBe(true);
    expect(store.getState().screen).toEqual({ name: 'form_start', templateId: 'home_visit_booking' });
    store.navigate({ name: 'home' });
    expect(store.getState().history).toEqual([]);
  });

  it('elder mode switches to the largest size and speech on; reset returns to the terminal defaults', () => {
    const store = new SessionStore({ language: 'en', speechOn: false });
    store.setElderMode(true);
    expect(store.getState().settings).toMatchObject({ elderMode: true, textSize: 'XL', speechOn: true });
    store.reset();
    expect(store.getState().settings).toMatchObject({
      elderMode: false,
      textSize: 'M',
      speechOn: false,
      language: 'en',
    });
  });

  it('rate and volume stop at the ends of their tables', () => {
    const store = new SessionStore();
    for (let i = 0; i < 20; i++) store.changeRate(1);
    expect(store.getState().settings.rateStep).toBe(6);
    for (let i = 0; i < 20; i++) store.changeVolume(-1);
    expect(store.getState().settings.volumeStep).toBe(0);
  });

  it('a feature can unregister its reset hook', () => {
    const store = new SessionStore();
    const hook = vi.fn();
    const off = store.visitorData.register('test hook', hook);
    store.reset();
    off();
    store.reset();
    expect(hook).toHaveBeenCalledTimes(1);
  });
});
