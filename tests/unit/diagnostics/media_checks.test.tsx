import { render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../../renderer/i18n/i18n';
import { setTransport } from '../../../renderer/rpc/api';
import { MediaChecks } from '../../../renderer/screens/technician/media_checks';
import { loudestBlockRms, mediaProblem, rmsLevel } from '../../../renderer/screens/technician/media_probe';

/** A core that answers only `diagnostics.media_access`, locked or not, and records the calls. */
function fakeCore(locked = false) {
  const calls: unknown[] = [];
  setTransport({
    invoke: async (method, args) => {
      calls.push({ method, args });
      return { ok: true, value: locked ? { ok: false, reason: 'locked' } : { ok: true } };
    },
    subscribe: () => () => {},
  });
  return calls;
}

function withDevices(getUserMedia: ((constraints: MediaStreamConstraints) => Promise<MediaStream>) | null) {
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: getUserMedia ? { getUserMedia: vi.fn(getUserMedia) } : undefined,
  });
  return navigator.mediaDevices as unknown as { getUserMedia: ReturnType<typeof vi.fn> } | undefined;
}

function renderChecks(onLocked = () => {}) {
  render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <ul>
        <MediaChecks onLocked={onLocked} />
      </ul>
    </I18nextProvider>,
  );
}

const item = (name: string) =>
  screen.getAllByRole('listitem').find((li) => li.querySelector('h4')?.textContent?.startsWith(name))!;

afterEach(() => {
  Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: undefined });
});

describe('camera and microphone test: failures in words', () => {
  it('tells "not allowed" from "busy", shows neither picture nor meter, and closes the permission again', async () => {
    const calls = fakeCore();
    withDevices(async (constraints) => {
      throw new DOMException('x', constraints.video ? 'NotAllowedError' : 'NotReadableError');
    });
    renderChecks();
    await waitFor(() => expect(item('摄像头').textContent).toContain('有问题'));
    await waitFor(() => expect(item('麦克风').textContent).toContain('有问题'));
    expect(item('摄像头').textContent).toContain('系统不允许使用设备。');
    expect(item('麦克风').textContent).toContain('设备正被其他程序占用，或者无法启动。');
    expect(screen.queryByRole('meter')).toBeNull();
    expect(screen.getByLabelText('摄像头画面', { selector: 'video' }).hidden).toBe(true);
    await waitFor(() =>
      expect(calls).toEqual([
        { method: 'diagnostics.media_access', args: { open: true } },
        { method: 'diagnostics.media_access', args: { open: false } },
      ]),
    );
  });

  it('says so when this build has no getUserMedia at all', async () => {
    fakeCore();
    withDevices(null);
    renderChecks();
    await waitFor(() => expect(item('摄像头').textContent).toContain('这个版本不能测试摄像头和麦克风。'));
    expect(item('麦克风').textContent).toContain('这个版本不能测试摄像头和麦克风。');
  });

  it('opens no device when technician mode is locked', async () => {
    fakeCore(true);
    const devices = withDevices(async () => {
      throw new Error('must not be called');
    });
    const onLocked = vi.fn();
    renderChecks(onLocked);
    await waitFor(() => expect(onLocked).toHaveBeenCalledTimes(1));
    expect(devices!.getUserMedia).not.toHaveBeenCalled();
  });

  it('closes the permission again when the panel is left while it was being opened', async () => {
    const calls: unknown[] = [];
    setTransport({
      invoke: async (_method, args) => {
        calls.push(args);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { ok: true, value: { ok: true } };
      },
      subscribe: () => () => {},
    });
    const devices = withDevices(async () => {
      throw new Error('must not be called');
    });
    const { unmount } = render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <ul>
          <MediaChecks onLocked={() => {}} />
        </ul>
      </I18nextProvider>,
    );
    unmount();
    await waitFor(() => expect(calls).toEqual([{ open: true }, { open: false }]));
    expect(devices!.getUserMedia).not.toHaveBeenCalled();
  });

  it('maps every getUserMedia error name, unknown ones to "failed"', () => {
    const names = {
      NotFoundError: 'not_found',
      OverconstrainedError: 'not_found',
      NotAllowedError: 'denied',
      SecurityError: 'denied',
      NotReadableError: 'busy',
      AbortError: 'busy',
      TypeError: 'failed',
      '': 'failed',
    };
    for (const [name, problem] of Object.entries(names))
      expect(mediaProblem(new DOMException('x', name)), name).toBe(problem);
    expect(mediaProblem('a string')).toBe('failed');
    expect(mediaProblem(null)).toBe('failed');
  });

  it('measures the level as RMS: silence is 0, a full-scale square wave is 1', () => {
    expect(rmsLevel(new Float32Array(0))).toBe(0);
    expect(rmsLevel(new Float32Array(128))).toBe(0);
    expect(rmsLevel(Float32Array.from({ length: 128 }, (_, i) => (i % 2 ? 1 : -1)))).toBe(1);
    expect(rmsLevel(Float32Array.from({ length: 128 }, () => 0.01))).toBeCloseTo(0.01);
  });

  it('hears a short sound anywhere in the buffer, which a whole-buffer RMS would dilute below the threshold', () => {
    const samples = new Float32Array(16384);
    // A 20 ms beep (960 samples at 48 kHz) at amplitude 0.1, early in the buffer, then silence.
    for (let i = 1000; i < 1960; i++) samples[i] = i % 2 ? 0.1 : -0.1;
    expect(rmsLevel(samples)).toBeLessThan(0.03);
    expect(loudestBlockRms(samples)).toBeGreaterThan(0.05);
    expect(loudestBlockRms(new Float32Array(16384))).toBe(0);
  });
});
