import { describe, expect, it, vi } from 'vitest';
import { createMediaAccess, onTechnicianMediaChange } from '../../../core/diagnostics/media_access';
import { EventBus } from '../../../core/event_bus';
import { createPermissionPolicy } from '../../../electron/main/permission_policy';

const FOREIGN = ['https://example.com', 'http://127.0.0.1:5199', 'app://kiosk.evil', 'file:///x', ''];

describe('camera and microphone for the technician device test', () => {
  it('allows audio/video for the app origin only while the test is open, never other kinds', () => {
    const policy = createPermissionPolicy();
    const media = (origin: string, mediaTypes: string[]) =>
      policy.allows({ permission: 'media', origin, mediaTypes });
    expect(media('app://kiosk/', ['video'])).toBe(false);
    policy.setTechnicianMediaActive(true);
    expect(media('app://kiosk/', ['video'])).toBe(true);
    expect(media('app://kiosk', ['audio'])).toBe(true);
    for (const origin of FOREIGN) expect(media(origin, ['audio', 'video']), origin).toBe(false);
    expect(media('app://kiosk/', ['video', 'desktop'])).toBe(false);
    expect(media('app://kiosk/', [])).toBe(false);
    for (const permission of ['display-capture', 'geolocation', 'usb', 'notifications'])
      expect(policy.allows({ permission, origin: 'app://kiosk/', mediaTypes: ['video'] }), permission).toBe(
        false,
      );
    // It does not pretend to be the call screen, and closing it closes the devices again.
    expect(policy.isCallScreenActive()).toBe(false);
    policy.setTechnicianMediaActive(false);
    expect(media('app://kiosk/', ['video'])).toBe(false);
    policy.setTechnicianMediaActive('true' as unknown as boolean);
    expect(media('app://kiosk/', ['video'])).toBe(false);
  });

  it('keeps the call screen and the technician test independent: closing one leaves the other', () => {
    const policy = createPermissionPolicy();
    const query = { permission: 'media', origin: 'app://kiosk/', mediaTypes: ['audio'] };
    policy.setCallScreenActive(true);
    policy.setTechnicianMediaActive(true);
    policy.setTechnicianMediaActive(false);
    expect(policy.allows(query)).toBe(true);
    policy.setCallScreenActive(false);
    expect(policy.allows(query)).toBe(false);
  });

  it('the core opens the permission through the event bus and closes it on close or after the limit', () => {
    vi.useFakeTimers();
    try {
      const events = new EventBus();
      const policy = createPermissionPolicy();
      const seen: boolean[] = [];
      const detach = onTechnicianMediaChange(events, (active) => {
        seen.push(active);
        policy.setTechnicianMediaActive(active);
      });
      const access = createMediaAccess(events, 60_000);
      const query = { permission: 'media', origin: 'app://kiosk/', mediaTypes: ['video'] };
      access.open();
      expect(policy.allows(query)).toBe(true);
      // A rerun: the new test opens before the old one's close arrives; the permission stays open.
      access.open();
      access.close();
      expect(policy.allows(query)).toBe(true);
      access.close();
      expect(policy.allows(query)).toBe(false);
      access.close();
      expect(seen).toEqual([true, false]);
      access.open();
      vi.advanceTimersByTime(59_999);
      expect(policy.allows(query)).toBe(true);
      vi.advanceTimersByTime(1);
      expect(policy.allows(query)).toBe(false);
      access.open();
      access.open();
      access.closeAll();
      expect(policy.allows(query)).toBe(false);
      detach();
      access.open();
      expect(seen).toEqual([true, false, true, false, true, false]);
    } finally {
      vi.useRealTimers();
    }
  });
});
