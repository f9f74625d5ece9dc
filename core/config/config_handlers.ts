import { EDITABLE_CONFIG_FIELDS } from '../../common/contract/technician_methods';
import type { CoreDeps } from '../core_deps';
import { configRows, editConfigFile } from '../diagnostics/config_edit';
import type { Handlers } from '../rpc/dispatcher';
import { trustedHubEndpoint } from '../trust/hub_trust';
import { loadConfig } from './load_config';

/** The technician's view of the provisioning file and validated edits of its editable fields. */
export function configHandlers(
  deps: CoreDeps,
  configPath: string | undefined,
): Pick<Handlers, 'technician.config_view' | 'technician.config_edit'> {
  return {
    'technician.config_view': () => {
      const current = loadConfig(configPath);
      if (!current.ok) return { ok: false, reason: 'not_provisioned' };
      return {
        ok: true,
        rows: configRows(current.value),
        hubTokenSet: current.value.hubToken !== '',
        editable: [...EDITABLE_CONFIG_FIELDS],
      };
    },
    'technician.config_edit': ({ field, value }) => {
      if (!configPath || !deps.config) return { ok: false, reason: 'not_provisioned' };
      // The hub address may change only to another hub of the organisation profile shipped with the build.
      const outcome = editConfigFile(configPath, field, value, (edited) =>
        trustedHubEndpoint(deps.profile, edited.hubUrl).ok
          ? null
          : { field: 'hubUrl', message: 'Not a hub of the organisation profile shipped with this build.' },
      );
      if (!outcome.ok) return outcome;
      deps.audit.record('technician', 'technician.config_edit');
      return { ok: true, restartNeeded: true };
    },
  };
}
