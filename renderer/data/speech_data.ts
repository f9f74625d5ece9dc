import { call } from '../rpc/api';
import { useCoreQuery } from './use_core_query';

/** The speech engine's state (ok, or degraded and why), for the staff status bar and the technician. */
export function useSpeechEngineState() {
  return useCoreQuery(() => call('speech.status', {}), []);
}
