import { call } from '../rpc/api';
import { request } from './core_method';
import { useCoreQuery } from './use_core_query';

/** The speech engine's state (ok, or degraded and why), for the staff status bar and the technician. */
export function useSpeechEngineState() {
  return useCoreQuery(() => call('speech.status', {}), []);
}

export const speechStatus = request('speech.status');
/** Renders (and caches) one utterance in the core's engine; the answer says how long it lasts, or why not. */
export const renderSpeech = request('speech.render');
