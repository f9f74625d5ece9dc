import { isAppUrl } from './navigation_policy';

/** Media kinds a call may use: camera and microphone, never screen or window capture. */
const CALL_MEDIA = new Set(['audio', 'video']);

export interface PermissionQuery {
  /** Electron's permission name ('media', 'geolocation', 'serial', …). */
  permission: string;
  /** The URL or origin of the frame asking. */
  origin: string;
  /** For 'media': the kinds asked for (request: mediaTypes; check: [mediaType]). */
  mediaTypes?: readonly string[];
}

export interface PermissionPolicy {
  /** The shell sets this while the visitor is on the video-call screen, and clears it after. */
  setCallScreenActive(active: boolean): void;
  isCallScreenActive(): boolean;
  /** The same while the technician's camera/microphone test runs (core event `technician.media`). */
  setTechnicianMediaActive(active: boolean): void;
  /** One decision for both the request and the check handler: deny unless it is the call's media. */
  allows(query: PermissionQuery): boolean;
}

/**
 * Everything is denied by default. The only exception: camera and microphone for the app's own page while
 * the call screen is shown or the technician's device test runs, so no other screen (or foreign frame) can
 * ever open a device.
 */
export function createPermissionPolicy(): PermissionPolicy {
  let callScreenActive = false;
  let technicianMediaActive = false;
  return {
    setCallScreenActive(active) {
      callScreenActive = active === true;
    },
    isCallScreenActive: () => callScreenActive,
    setTechnicianMediaActive(active) {
      technicianMediaActive = active === true;
    },
    allows({ permission, origin, mediaTypes }) {
      const mediaScreen = callScreenActive || technicianMediaActive;
      if (permission !== 'media' || !mediaScreen || !isAppUrl(origin)) return false;
      const kinds = mediaTypes ?? [];
      return kinds.length > 0 && kinds.every((kind) => CALL_MEDIA.has(kind));
    },
  };
}
