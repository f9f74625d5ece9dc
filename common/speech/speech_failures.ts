/**
 * Why a synthesis produced no audio. Every one is a value the caller handles; none crashes the core. The one
 * list: the engine, the speech service, the RPC contract and the screens that word them all read it.
 */
export const SPEECH_FAILURES = [
  'engine_missing',
  'engine_failed',
  'timeout',
  'text_too_long',
  'no_voice_for_language',
  'busy',
] as const;
export type SpeechFailure = (typeof SPEECH_FAILURES)[number];

/** Why a render gave no audio: a failure, or `no_audio` (nothing speaks this language: Mongolian without a
 * clip), or `empty` (nothing to say). */
export const SPEECH_RENDER_REASONS = [...SPEECH_FAILURES, 'no_audio', 'empty'] as const;
export type SpeechRenderReason = (typeof SPEECH_RENDER_REASONS)[number];
