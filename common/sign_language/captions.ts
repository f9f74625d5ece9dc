import { z } from 'zod';

/** One caption of a clip: shown from `startMs` until `endMs`. */
export const captionCueSchema = z
  .object({
    startMs: z.number().int().min(0).max(600_000),
    endMs: z.number().int().min(1).max(600_000),
    text: z
      .string()
      .min(1)
      .max(300)
      .refine((text) => ![...text].some((char) => char < ' ' || char === '\u007f'), 'no control characters'),
  })
  .strict()
  .refine((cue) => cue.endMs > cue.startMs, {
    message: 'a caption must end after it starts',
    path: ['endMs'],
  });
export type CaptionCue = z.infer<typeof captionCueSchema>;

/** The caption to show at a playback position (the latest one started, when cues overlap), or null. */
export function captionAt(cues: readonly CaptionCue[], positionMs: number): CaptionCue | null {
  let shown: CaptionCue | null = null;
  for (const cue of cues) {
    if (cue.startMs <= positionMs && positionMs < cue.endMs && (!shown || cue.startMs >= shown.startMs))
      shown = cue;
  }
  return shown;
}

const TIMING = /^((?:\d{1,2}:)?\d{1,2}:\d{2}\.\d{3})\s+-->\s+((?:\d{1,2}:)?\d{1,2}:\d{2}\.\d{3})(?:\s.*)?$/;

function timestampMs(value: string): number {
  const [clock, millis] = value.split('.') as [string, string];
  const parts = clock.split(':').map(Number);
  const seconds = parts.reduce((total, part) => total * 60 + part, 0);
  return seconds * 1000 + Number(millis);
}

/**
 * The cues of a WebVTT file (what subtitle tools write): timings and text, tags such as `<v Signer>` removed,
 * lines of one cue joined by a space. Returns null when the file is not WebVTT or a timing line is broken.
 */
export function parseWebVtt(text: string): { startMs: number; endMs: number; text: string }[] | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) return null;
  const cues: { startMs: number; endMs: number; text: string }[] = [];
  let index = 1;
  while (index < lines.length) {
    const line = lines[index]!.trim();
    index++;
    if (line === '' || !line.includes('-->')) {
      // Cue identifiers, NOTE and STYLE blocks: skip to the next blank line unless a timing follows.
      if (/^(NOTE|STYLE|REGION)\b/.test(line))
        while (index < lines.length && lines[index]!.trim() !== '') index++;
      continue;
    }
    const timing = TIMING.exec(line);
    if (!timing) return null;
    const body: string[] = [];
    while (index < lines.length && lines[index]!.trim() !== '') body.push(lines[index++]!.trim());
    const cueText = body
      .join(' ')
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .trim();
    if (cueText)
      cues.push({ startMs: timestampMs(timing[1]!), endMs: timestampMs(timing[2]!), text: cueText });
  }
  return cues;
}
