export {
  DEFAULT_RATE_STEP,
  DEFAULT_VOLUME_STEP,
  RATE_STEPS,
  VOLUME_STEPS,
} from '../../common/speech/speech_tables';
export { createRpcSpeaker, type RenderSpeech, type RpcSpeaker, type RpcSpeakerOptions } from './rpc_speaker';
export type { RpcSpeechLogEntry } from './speech_log';
