import type { Language } from '../languages';

/** What identifies one rendered clip: change any part (text, voice, engine version) and the key changes. */
export interface SpeechCacheIdentity {
  language: Language;
  voice: string;
  engine: string;
  engineVersion: string;
  text: string;
}

/**
 * The string the cache hashes (SHA-256) to name a clip. Fields are joined with a separator that the
 * normalized text cannot contain before it (language, voice and engine never contain `|` or a newline),
 * and the text comes last, so two different identities never give the same material.
 */
export function speechCacheMaterial(identity: SpeechCacheIdentity): string {
  const { language, voice, engine, engineVersion, text } = identity;
  return [language, voice, `${engine} ${engineVersion}`, text].join('|');
}
