/**
 * Limits on text sent to the speech engine. The core refuses a single request longer than
 * MAX_SPEECH_TEXT_CHARS (`text_too_long`); the renderer never sends one: it cuts a long utterance at the
 * last sentence boundary before that limit and sends it in sentence chunks of at most SPEECH_CHUNK_CHARS,
 * so the first sentence starts playing while the rest is synthesized.
 */
export const MAX_SPEECH_TEXT_CHARS = 2000;
export const SPEECH_CHUNK_CHARS = 200;

// C0/C1 control characters, bidi overrides and other format characters that no voice should see.
// Line breaks and tabs become spaces: a line break is not a sentence for the listener.
function isControl(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return false;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}
const LINE_BREAKS = /[\t\r\n\u2028\u2029]+/g;

/** The text as the engine gets it: no control characters, no line breaks, trimmed. */
export function normalizeSpeechText(text: string): string {
  let kept = '';
  for (const char of text) if (!isControl(char.codePointAt(0)!)) kept += char;
  return kept.replace(LINE_BREAKS, ' ').replace(/ {2,}/g, ' ').trim();
}

// Sentence and clause marks in Chinese, Mongolian and Latin text (the mark stays with its sentence).
const SENTENCE_END = /[。！？；!?;\u1803\u1809]+["'”’）)]*|[.](?=\s)|[，,、：:\u1802\u1808](?=.)/g;

function boundaries(text: string): number[] {
  const ends: number[] = [];
  for (const match of text.matchAll(SENTENCE_END)) ends.push(match.index + match[0].length);
  return ends;
}

/**
 * Splits text into chunks of at most `max` characters (surrogate pairs are never split), breaking after
 * the last sentence or clause mark that fits, else at a space; a run without any break is cut hard.
 */
export function chunkSpeechText(text: string, max = SPEECH_CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  let rest = normalizeSpeechText(text);
  while (rest.length > max) {
    const limit = safeCut(rest, max);
    const ends = boundaries(rest).filter((end) => end <= limit);
    const space = rest.lastIndexOf(' ', limit);
    const cut = ends.length > 0 ? ends[ends.length - 1]! : space > 0 ? space : limit;
    chunks.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) chunks.push(rest);
  return chunks.filter((chunk) => chunk.length > 0);
}

/** Moves a cut position back by one if it would split a surrogate pair. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/**
 * Cuts text to the longest prefix of whole sentences within `max` characters (a hard cut when the first
 * sentence alone is longer). Used for the documented limit of one utterance.
 */
export function cutAtSentence(text: string, max = MAX_SPEECH_TEXT_CHARS): string {
  const clean = normalizeSpeechText(text);
  if (clean.length <= max) return clean;
  const limit = safeCut(clean, max);
  const ends = boundaries(clean).filter((end) => end <= limit);
  return clean.slice(0, ends.length > 0 ? ends[ends.length - 1]! : limit).trim();
}
