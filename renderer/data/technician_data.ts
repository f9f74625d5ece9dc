import { call } from '../rpc/api';
import { useCoreQuery } from './use_core_query';

/** The terminal's configuration as the technician sees it (`locked` when technician mode closed). */
export function useConfigView() {
  return useCoreQuery(() => call('technician.config_view', {}), []);
}
