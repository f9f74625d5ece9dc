/**
 * Pinyin → hanzi candidates for the on-screen keyboard, from the index built by
 * `scripts/build_pinyin_index.ts`. Typed letters are matched as: whole words by full pinyin ("falv" → 法律),
 * words by initials ("bt" → 包头), then single characters for the first syllable ("zhangsan" → 张 and the
 * rest "san" stays to be converted). `v` stands for ü ("lv" → 律).
 */

export interface PinyinIndex {
  version: number;
  /** syllable → its characters, most common first */
  chars: Record<string, string>;
  /** [word, space-separated syllables], most common first */
  words: [string, string][];
}

export interface Candidate {
  text: string;
  /** How many typed letters this candidate replaces. */
  consumed: number;
}

export interface PinyinEngine {
  candidates(typed: string): Candidate[];
  /** The typed letters split into syllables for display ("zhang san"). */
  split(typed: string): string[];
}

const MAX_SYLLABLE = 6;
const MAX_TYPED = 40;

export function createPinyinEngine(index: PinyinIndex): PinyinEngine {
  const syllables = new Set(Object.keys(index.chars));
  const sortedSyllables = [...syllables].sort();
  const byFull = new Map<string, string[]>();
  const byInitials = new Map<string, string[]>();
  for (const [word, reading] of index.words) {
    const parts = reading.split(' ');
    push(byFull, reading, word);
    push(byInitials, parts.map((p) => p[0]).join(''), word);
  }

  /** Splits into syllables, longest match first, each with where it ends in the typed text. */
  function segments(typed: string): { syllable: string; end: number }[] {
    const out: { syllable: string; end: number }[] = [];
    let at = 0;
    while (at < typed.length) {
      // "xian" is one syllable; "xi'an" is two, split by the apostrophe
      if (typed[at] === "'") {
        at++;
        continue;
      }
      const rest = typed.slice(at).split("'")[0]!;
      let length = Math.min(MAX_SYLLABLE, rest.length);
      while (length > 1 && !syllables.has(rest.slice(0, length))) length--;
      if (!syllables.has(rest.slice(0, length))) {
        // not a whole syllable: take the longest start of one ("zh" of "zhang")
        length = Math.min(MAX_SYLLABLE, rest.length);
        while (length > 1 && !sortedSyllables.some((s) => s.startsWith(rest.slice(0, length)))) length--;
      }
      at += length;
      out.push({ syllable: rest.slice(0, length), end: at });
    }
    return out;
  }

  function candidates(raw: string): Candidate[] {
    // a phrase longer than this is converted a piece at a time anyway; the cap keeps the search cheap
    const typed = raw.slice(0, MAX_TYPED).toLowerCase().replace(/ü/g, 'v');
    if (!/^[a-z']+$/.test(typed)) return [];
    const letters = typed.replace(/'/g, '');
    const all = typed.length;
    const seen = new Set<string>();
    const out: Candidate[] = [];
    const add = (text: string, consumed: number) => {
      if (seen.has(text)) return;
      seen.add(text);
      out.push({ text, consumed });
    };

    const parts = segments(typed);
    for (const word of byFull.get(parts.map((p) => p.syllable).join(' ')) ?? []) add(word, all);
    const first = parts[0]?.syllable ?? '';
    if (parts.length === 1) for (const c of index.chars[first] ?? '') add(c, all);
    if (parts.length >= 2) for (const word of byInitials.get(letters) ?? []) add(word, all);
    // words that cover a leading run of syllables, longest run first; then the first syllable's characters
    for (let n = parts.length - 1; n >= 2; n--) {
      const head = parts.slice(0, n);
      for (const word of byFull.get(head.map((p) => p.syllable).join(' ')) ?? []) add(word, head[n - 1]!.end);
    }
    const firstEnd = parts[0]?.end ?? all;
    if (parts.length > 1) for (const c of index.chars[first] ?? '') add(c, firstEnd);
    if (!syllables.has(first)) {
      // a partial syllable ("zh"): the most common characters of every syllable it begins
      for (const syllable of sortedSyllables) {
        if (!syllable.startsWith(first)) continue;
        for (const c of (index.chars[syllable] ?? '').slice(0, 8)) add(c, firstEnd);
      }
    }
    return out;
  }

  return { candidates, split: (typed) => segments(typed).map((s) => s.syllable) };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
