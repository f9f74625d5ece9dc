import type { ReactNode } from 'react';

/** One or two digits set upright in a Mongolian column; longer numbers and Latin stay rotated (the convention). */
const SHORT_DIGITS = /(?<![0-9])[0-9]{1,2}(?![0-9])/g;

/** Mongolian text with its short digit runs wrapped for `text-combine-upright`. */
export function uprightRuns(text: string): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(SHORT_DIGITS)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(
      <span className="mn-upright" key={at}>
        {match[0]}
      </span>,
    );
    last = at + match[0].length;
  }
  if (parts.length === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
