import { describe, expect, it } from 'vitest';
import type { CoreDeps } from '../../../core/core_deps';
import { EventBus } from '../../../core/event_bus';
import { onCallScreenChange } from '../../../core/video/call_screen_signal';
import { videoHandlers } from '../../../core/video/video_handlers';
import { APP_ORIGIN } from '../../../electron/main/navigation_policy';
import { createPermissionPolicy } from '../../../electron/main/permission_policy';
import { createLogger } from '../../../node_shared/logger';

/** The core's video handlers drive the shell's permission policy exactly as main.ts wires them. */
function wired() {
  const events = new EventBus();
  const policy = createPermissionPolicy();
  onCallScreenChange(events, (active) => policy.setCallScreenActive(active));
  const deps = {
    events,
    config: null,
    logger: createLogger(() => {}),
    audit: { record: () => 1 },
  } as unknown as CoreDeps;
  return { policy, handlers: videoHandlers(deps) };
}

const app = `${APP_ORIGIN}/index.html`;
const media = (origin: string, mediaTypes: string[]) => ({ permission: 'media', origin, mediaTypes });

describe('camera and microphone only on the call screen', () => {
  it('is denied before the call screen opens and after it closes', async () => {
    const { policy, handlers } = wired();
    expect(policy.allows(media(app, ['video', 'audio']))).toBe(false);
    await handlers['video.open']({});
    expect(policy.allows(media(app, ['video', 'audio']))).toBe(true);
    await handlers['video.close']({});
    expect(policy.allows(media(app, ['video']))).toBe(false);
  });

  it('while open: only the app origin, only audio/video, never screen capture or other permissions', async () => {
    const { policy, handlers } = wired();
    await handlers['video.open']({});
    expect(policy.allows(media('https://evil.example', ['video']))).toBe(false);
    expect(policy.allows(media(app, ['video', 'screen']))).toBe(false);
    expect(policy.allows(media(app, []))).toBe(false);
    expect(policy.allows({ permission: 'geolocation', origin: app })).toBe(false);
    expect(policy.allows({ permission: 'display-capture', origin: app, mediaTypes: ['video'] })).toBe(false);
  });

  it('video.open without a hub token says not_provisioned and offers the fallback', async () => {
    const { handlers } = wired();
    expect(await handlers['video.open']({})).toEqual({
      ok: false,
      reason: 'not_provisioned',
      centrePhone: '',
    });
    expect(await handlers['video.send']({ message: { type: 'call', kind: 'interpreter' } })).toEqual({
      ok: false,
      reason: 'not_connected',
    });
  });
});
