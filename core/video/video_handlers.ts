import { rosterForCentre } from '../../common/published/duty_roster_schema';
import type { CoreDeps } from '../core_deps';
import { DUTY_ROSTER_KIND } from '../published/published_kinds';
import { loadPublished } from '../published/published_store';
import type { Handlers } from '../rpc/dispatcher';
import { VideoLink } from './video_link';

type VideoMethod = 'video.open' | 'video.send' | 'video.close';

/** The call screen's signalling, proxied through the core (see `video_link.ts`). */
export function videoHandlers(deps: CoreDeps): Pick<Handlers, VideoMethod> {
  const config = deps.config;
  const link =
    config?.hubToken && deps.hub
      ? new VideoLink(deps.hub, config.hubToken, deps.events, deps.logger, deps.hubIdentity, () =>
          rosterForCentre(loadPublished(deps.db, DUTY_ROSTER_KIND, deps.logger).value, config.centre.id),
        )
      : null;
  const centrePhone = config?.video?.fallbackPhone ?? config?.centre.phone ?? '';
  return {
    'video.open': async () => {
      deps.events.emit('video.screen', { active: true });
      if (!link) return { ok: false, reason: 'not_provisioned', centrePhone };
      const opened = await link.open();
      if (!opened.ok) return { ok: false, reason: opened.reason, centrePhone };
      deps.audit.record('visitor', 'video.open', '');
      return {
        ok: true,
        iceServers: config?.video?.iceServers ?? [],
        centrePhone,
        presence: link.latestPresence(),
      };
    },
    'video.send': ({ message }) => {
      if (!link?.send(message)) return { ok: false, reason: 'not_connected' };
      if (message.type === 'call') deps.audit.record('visitor', 'video.call', message.kind);
      return { ok: true };
    },
    'video.close': () => {
      link?.close();
      deps.events.emit('video.screen', { active: false });
      return { ok: true };
    },
  };
}
