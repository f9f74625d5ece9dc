import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STAFF_HOLD_MS, StaffEntry } from '../../../renderer/screens/staff/staff_entry';
import { SessionStore } from '../../../renderer/state/session_store';

function setup() {
  const store = new SessionStore({ language: 'zh-CN', speechOn: false });
  const view = render(
    <>
      <h1 className="app-title">公共法律服务</h1>
      <p className="app-subtitle">中心</p>
      <StaffEntry store={store} />
    </>,
  );
  const title = view.container.querySelector('.app-title')!;
  const pointer = (type: string, target: Element, x = 10, y = 10) =>
    act(() => {
      target.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: x, clientY: y }) as PointerEvent);
    });
  return { store, title, subtitle: view.container.querySelector('.app-subtitle')!, pointer };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('hidden staff entry', () => {
  it('opens staff mode after holding the title for 3 s, not before', () => {
    const { store, title, pointer } = setup();
    pointer('pointerdown', title);
    act(() => void vi.advanceTimersByTime(STAFF_HOLD_MS - 1));
    expect(store.getState().screen.name).toBe('home');
    act(() => void vi.advanceTimersByTime(1));
    expect(store.getState().screen).toEqual({ name: 'staff' });
  });

  it('ignores taps, holds elsewhere and a finger that slides away', () => {
    const { store, title, subtitle, pointer } = setup();
    pointer('pointerdown', title);
    pointer('pointerup', title);
    pointer('pointerdown', subtitle);
    pointer('pointerdown', title, 10, 10);
    pointer('pointermove', title, 60, 10);
    act(() => void vi.advanceTimersByTime(STAFF_HOLD_MS * 2));
    expect(store.getState().screen.name).toBe('home');
  });

  it('opens with F10 F12 F10 F12 typed within 3 s, not with the keys spread out', () => {
    const { store } = setup();
    const key = (k: string) =>
      act(() => void document.dispatchEvent(new KeyboardEvent('keydown', { key: k })));
    for (const k of ['F10', 'F12', 'F10']) {
      key(k);
      act(() => void vi.advanceTimersByTime(2000));
    }
    key('F12');
    expect(store.getState().screen.name).toBe('home');
    for (const k of ['F10', 'F12', 'F10', 'F12']) key(k);
    expect(store.getState().screen).toEqual({ name: 'staff' });
  });
});
