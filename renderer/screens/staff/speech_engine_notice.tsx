import { useSpeechEngineState } from '../../data/speech_data';
import { Text } from '../../i18n/text';

/**
 * The staff status bar's speech line: shown only when the speech engine is not installed, as visitors would
 * then hear nothing read aloud and could not tell staff why.
 */
export function SpeechEngineNotice() {
  const engine = useSpeechEngineState();
  if (engine.status !== 'ready' || engine.value.reason !== 'engine_missing') return null;
  return (
    <p className="staff-status-bar" role="status">
      <Text ns="staff" k="speech_engine_missing" />
    </p>
  );
}
