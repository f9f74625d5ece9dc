import type { CoreDeps } from '../core_deps';
import type { DiagnosticsDevices } from '../diagnostics/device_ports';
import { canRestart } from '../diagnostics/devices';
import type { Handlers } from '../rpc/dispatcher';
import { provisionFromCode } from './redeem_enrollment';

/** Time for the screen to say "provisioned, restarting" before the app restarts. */
const RESTART_DELAY_MS = 3000;

/** Enrollment from the screen of an unprovisioned terminal (a hub-issued code), then a restart. */
export function provisioningHandlers(
  deps: CoreDeps,
  configPath: string | undefined,
  devices: DiagnosticsDevices,
): Pick<Handlers, 'provisioning.redeem'> {
  return {
    'provisioning.redeem': async ({ hubUrl, code }) => {
      // A provisioned terminal is re-pointed only with a new provisioning file, never from the screen.
      if (deps.config) return { ok: false, reason: 'already_provisioned' };
      if (!configPath) return { ok: false, reason: 'no_config_path' };
      const outcome = await provisionFromCode({
        hubUrl,
        code,
        outFile: configPath,
        profile: deps.profile,
        identity: deps.hubIdentity,
        // The existing file (if any) is invalid: that is why the terminal is not provisioned.
        overwrite: true,
      });
      if (!outcome.ok) {
        const problem = outcome.error;
        deps.logger.warn('provisioning.refused', { reason: problem.kind });
        if (problem.kind === 'rate_limited')
          return { ok: false, reason: 'rate_limited', retryAfterSeconds: problem.retryAfterSeconds };
        if (problem.kind === 'invalid_config')
          return { ok: false, reason: 'invalid_config', field: problem.field, message: problem.message };
        if (problem.kind === 'forbidden_fields')
          return { ok: false, reason: 'forbidden_fields', fields: problem.fields };
        return { ok: false, reason: problem.kind };
      }
      deps.logger.info('provisioning.redeemed', { terminalId: outcome.value.config.terminalId });
      // Restart a moment after the answer, so the screen can say what happens.
      const restarting = canRestart(devices);
      if (restarting)
        setTimeout(() => void devices.restart.requestRestart().catch(() => {}), RESTART_DELAY_MS);
      return { ok: true, terminalId: outcome.value.config.terminalId, restarting };
    },
  };
}
