import { allowedOriginsOf, type ExternalProvider } from '../../common/video/external_provider';
import type { CoreDeps } from '../core_deps';
import type { Handlers } from '../rpc/dispatcher';
import type { ExternalOutcome, ExternalViewPort } from './external_view_port';
import { launchProgram } from './program_launcher';

type ExternalMethod = 'video.external.info' | 'video.external.open' | 'video.external.close';

/**
 * The contracted external video service: a program from the technician's file (`technician_program_file.ts`),
 * else the web service of `video.external` in the provisioning file. A web service opens in the shell's
 * restricted view (`view`, absent in the dev host); a program is started here. At most one runs at a time;
 * its end is announced with the `video.external` event.
 */
export function externalProviderHandlers(
  deps: CoreDeps,
  view: ExternalViewPort | undefined,
  program: ExternalProvider | null,
): Pick<Handlers, ExternalMethod> {
  const provider = program ?? deps.config?.video?.external;
  /** Stops whatever is open; null when nothing is. */
  let stopCurrent: (() => void) | null = null;
  /** One opening: its end is reported once, even when it comes before the opener has finished. */
  const opening = () => {
    const state = { closed: false };
    const onClosed = (outcome: ExternalOutcome) => {
      if (state.closed) return;
      state.closed = true;
      stopCurrent = null;
      deps.events.emit('video.external', { state: 'closed', outcome });
    };
    return { state, onClosed };
  };

  return {
    'video.external.info': () =>
      provider
        ? { configured: true, kind: provider.kind, name: provider.name ?? null }
        : { configured: false },
    'video.external.open': async () => {
      if (!provider) return { ok: false, reason: 'not_configured' };
      if (stopCurrent) return { ok: true };
      deps.audit.record('visitor', 'video.external.open', provider.kind);
      if (provider.kind === 'url') {
        if (!view) return { ok: false, reason: 'not_available_in_dev_host' };
        const { state, onClosed } = opening();
        const opened = await view.open(
          { url: provider.url, allowedOrigins: allowedOriginsOf(provider) },
          onClosed,
        );
        if (opened.ok && !state.closed) stopCurrent = () => view.close();
        if (!opened.ok) deps.logger.warn('video.external_failed', { reason: opened.reason });
        return opened;
      }
      const { state, onClosed } = opening();
      const launched = await launchProgram(provider.path, provider.args, onClosed);
      if (!launched.ok) {
        deps.logger.warn('video.external_failed', { reason: launched.reason });
        return launched;
      }
      if (!state.closed) stopCurrent = launched.stop;
      return { ok: true };
    },
    'video.external.close': () => {
      stopCurrent?.();
      return { ok: true };
    },
  };
}
