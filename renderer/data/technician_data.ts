import { call } from '../rpc/api';
import { notify, request } from './core_method';
import { useCoreQuery } from './use_core_query';

/** The terminal's configuration as the technician sees it (`locked` when technician mode closed). */
export function useConfigView() {
  return useCoreQuery(() => call('technician.config_view', {}), []);
}

export const unlockTechnician = request('technician.unlock');
/** Leaving technician mode (the core also locks it after its own timeout). */
export const lockTechnician = notify('technician.lock');
export const editConfig = request('technician.config_edit');
export const exportLogsTo = request('technician.export_logs');
export const restartKiosk = request('technician.restart');
export const redeemEnrollment = request('provisioning.redeem');
/** Whether a visitor is in a session (not on the home screen): the core holds updates and restarts meanwhile. */
export const reportSessionActive = notify('session.set_active');

/** The checks the technician runs; each answers `locked` when technician mode closed meanwhile. */
export const diagnostics = {
  hub: request('diagnostics.hub'),
  sync: request('diagnostics.sync'),
  printers: request('diagnostics.printers'),
  speech: request('diagnostics.speech'),
  idCard: request('diagnostics.id_card'),
  system: request('diagnostics.system'),
  printTest: request('diagnostics.print_test'),
  /** The camera and microphone permission of the shell, opened for the media checks. */
  openMedia: request('diagnostics.media_access'),
  closeMedia: notify('diagnostics.media_access'),
};
