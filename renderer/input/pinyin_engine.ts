/**
 * Pinyin → hanzi candidates for the on-screen keyboard, from the index built by
 * `scripts/build_pinyin_index.ts`. Typed letters are matched as: whole words by full pinyin ("falv" → 法律),
 * names (a surname, then given-name characters: "zhangsan", "zhangs", "zs" → 张三), words by initials
 * ("bt" → 包头), then single characters for the first syllable ("zhangsan" → 张, and "san" stays to be
 * converted). In a name field names come before words. `v` stands for ü ("lv" → 律).
 */

export interface PinyinIndex {
  version: 2;
  /** syllable → its characters, most common first */
  chars: Record<string, string>;
  /** the most frequent characters, most frequent first */
  frequent: string;
  /** "word syl syl", most common first */
  words: string[];
  /** "surname syl [syl]", most common first */
  surnames: string[];
  /** characters used in given names, most used first */
  given: string;
}

export interface Candidate {
  text: string;
  /** How many typed letters this candidate replaces. */
  consumed: number;
}

/** What the field holds: in a name field names come first. */
export type CandidateContext = 'text' | 'name';

export interface PinyinEngine {
  candidates(typed: string, context?: CandidateContext): Candidate[];
  /** The typed letters split into syllables for display ("zhang san"). */
  split(typed: string): string[];
  /** A character's readings, most common first ("长" → zhang, chang). */
  readings(character: string): string[];
  /** The most common word that uses the character ("张" → 紧张), if the index has one. */
  wordWith(character: string): string | undefined;
}

const MAX_SYLLABLE = 6;
const MAX_TYPED = 40;
/** How many surnames and given-name characters per slot are combined into name candidates. */
const NAME_BREADTH = 12;
const NAME_CANDIDATES = 24;

interface Ranked {
  text: string;
  rank: number;
}

interface Segment {
  syllable: string;
  end: number;
  /** A whole syllable ("zhang"), not only the start of one ("zh", "s"). */
  whole: boolean;
}

export function createPinyinEngine(index: PinyinIndex): PinyinEngine {
  const syllables = new Set(Object.keys(index.chars));
  const sortedSyllables = [...syllables].sort();
  const byFull = new Map<string, string[]>();
  const byInitials = new Map<string, string[]>();
  for (const entry of index.words) {
    const [word, ...parts] = entry.split(' ');
    push(byFull, parts.join(' '), word!);
    push(byInitials, parts.map((p) => p[0]).join(''), word!);
  }
  const surnames = index.surnames.map((entry, rank) => {
    const [text, ...parts] = entry.split(' ');
    return { text: text!, parts, rank };
  });
  // a character's readings, the one under which it ranks highest first (its usual reading)
  const placed = new Map<string, { syllable: string; at: number }[]>();
  for (const [syllable, characters] of Object.entries(index.chars))
    [...characters].forEach((c, at) => {
      const list = placed.get(c) ?? [];
      list.push({ syllable, at });
      placed.set(c, list);
    });
  const readingsOf = new Map<string, string[]>();
  for (const [c, list] of placed)
    readingsOf.set(
      c,
      list.sort((a, b) => a.at - b.at).map((p) => p.syllable),
    );
  const givenRank = new Map([...index.given].map((c, rank) => [c, rank]));
  const givenBySyllable = new Map<string, Ranked[]>();
  for (const [syllable, characters] of Object.entries(index.chars)) {
    const list: Ranked[] = [];
    for (const c of characters) {
      const rank = givenRank.get(c);
      if (rank !== undefined) list.push({ text: c, rank });
    }
    givenBySyllable.set(
      syllable,
      list.sort((a, b) => a.rank - b.rank),
    );
  }
  /**
   * Syllables a typed piece may stand for: itself if whole, else every syllable it begins. One letter is
   * always an initial too ("m" is a syllable, 呣, but in "lxm" it stands for ming).
   */
  const expansions = new Map<string, string[]>();
  const syllablesFor = (segment: Segment): string[] => {
    if (segment.whole && segment.syllable.length > 1) return [segment.syllable];
    let list = expansions.get(segment.syllable);
    if (!list) {
      list = sortedSyllables.filter((s) => s.startsWith(segment.syllable));
      expansions.set(segment.syllable, list);
    }
    return list;
  };

  /** Splits into syllables, longest match first, each with where it ends in the typed text. */
  function segments(typed: string): Segment[] {
    const out: Segment[] = [];
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
      const whole = syllables.has(rest.slice(0, length));
      if (!whole) {
        // not a whole syllable: take the longest start of one ("zh" of "zhang")
        length = Math.min(MAX_SYLLABLE, rest.length);
        while (length > 1 && !sortedSyllables.some((s) => s.startsWith(rest.slice(0, length)))) length--;
      }
      at += length;
      out.push({ syllable: rest.slice(0, length), end: at, whole });
    }
    return out;
  }

  /** Given-name characters for one typed piece, most used first. */
  const givenCache = new Map<string, Ranked[]>();
  function givenFor(segment: Segment): Ranked[] {
    const key = `${segment.syllable}${segment.whole ? '' : '-'}`;
    let list = givenCache.get(key);
    if (!list) {
      list = syllablesFor(segment)
        .flatMap((s) => givenBySyllable.get(s) ?? [])
        .sort((a, b) => a.rank - b.rank)
        .slice(0, segment.whole ? NAME_BREADTH * 2 : NAME_BREADTH);
      givenCache.set(key, list);
    }
    return list;
  }

  /**
   * Surname + one or two given-name characters for the typed pieces, likeliest first. Frequencies of names
   * fall off roughly as 1/rank, so a name's cost is the sum of log(rank + 1) of its surname and characters.
   * Surnames and characters come cheapest first, so the search stops as soon as nothing cheaper than the
   * current NAME_CANDIDATES best can follow (typing "sfz" would otherwise weigh ten thousand names).
   */
  function names(parts: Segment[]): string[] {
    const best: { text: string; cost: number }[] = [];
    const worst = () =>
      best.length < NAME_CANDIDATES ? Number.POSITIVE_INFINITY : best[best.length - 1]!.cost;
    const offer = (text: string, cost: number) => {
      let at = best.length;
      while (at > 0 && best[at - 1]!.cost > cost) at--;
      best.splice(at, 0, { text, cost });
      if (best.length > NAME_CANDIDATES) best.pop();
    };
    const slotsAfter = new Map<number, { slots: Ranked[][]; cheapest: number[] }>();
    const slotsFrom = (n: number) => {
      let found = slotsAfter.get(n);
      if (!found) {
        const slots = parts.slice(n).map(givenFor);
        // cheapest[i]: the least the slots from i on can add
        const cheapest = slots.map(() => 0);
        for (let i = slots.length - 1; i >= 0; i--)
          cheapest[i] = Math.log((slots[i]![0]?.rank ?? 0) + 1) + (cheapest[i + 1] ?? 0);
        found = { slots, cheapest };
        slotsAfter.set(n, found);
      }
      return found;
    };
    for (const surname of surnames) {
      const rest = parts.length - surname.parts.length;
      if (rest < 1 || rest > 2) continue;
      if (!surname.parts.every((p, i) => syllablesFor(parts[i]!).includes(p))) continue;
      const { slots, cheapest } = slotsFrom(surname.parts.length);
      if (slots.some((slot) => slot.length === 0)) continue;
      const combine = (i: number, text: string, cost: number) => {
        if (i === slots.length) {
          offer(text, cost);
          return;
        }
        for (const { text: c, rank } of slots[i]!) {
          const next = cost + Math.log(rank + 1);
          if (next + (cheapest[i + 1] ?? 0) >= worst()) break;
          combine(i + 1, text + c, next);
        }
      };
      const base = Math.log(surname.rank + 1);
      if (base + cheapest[0]! < worst()) combine(0, surname.text, base);
    }
    return best.map((f) => f.text);
  }

  function candidates(raw: string, context: CandidateContext = 'text'): Candidate[] {
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
    const fullWords = () => {
      for (const word of byFull.get(parts.map((p) => p.syllable).join(' ')) ?? []) add(word, all);
    };
    const nameCandidates = () => {
      if (parts.length >= 2 && parts.length <= 4) for (const name of names(parts)) add(name, all);
    };
    const initialWords = () => {
      if (parts.length >= 2) for (const word of byInitials.get(letters) ?? []) add(word, all);
    };
    const first = parts[0]?.syllable ?? '';
    if (context === 'name') {
      // one syllable in a name field: the surnames read so first ("zhang" → 张 before 长), then the
      // characters names use (婧 before 井)
      if (parts.length === 1) {
        for (const s of surnames) if (s.parts.join('') === first) add(s.text, all);
        for (const { text } of givenBySyllable.get(first) ?? []) add(text, all);
      }
      nameCandidates();
      fullWords();
      initialWords();
    } else {
      fullWords();
      initialWords();
      nameCandidates();
    }
    if (parts.length === 1) for (const c of index.chars[first] ?? '') add(c, all);
    // words that cover a leading run of syllables, longest run first; then the first syllable's characters
    for (let n = parts.length - 1; n >= 2; n--) {
      const head = parts.slice(0, n);
      for (const word of byFull.get(head.map((p) => p.syllable).join(' ')) ?? []) add(word, head[n - 1]!.end);
    }
    const firstEnd = parts[0]?.end ?? all;
    if (parts.length > 1) for (const c of index.chars[first] ?? '') add(c, firstEnd);
    if (parts[0] && !parts[0].whole) {
      // a partial syllable ("zh"): the most frequent characters of the syllables it begins
      const prefix = parts[0].syllable;
      for (const c of index.frequent)
        if (readingsOf.get(c)?.some((s) => s.startsWith(prefix))) add(c, firstEnd);
    }
    return out;
  }

  let firstWord: Map<string, string> | null = null;
  function wordWith(character: string): string | undefined {
    if (!firstWord) {
      firstWord = new Map();
      for (const entry of index.words) {
        const word = entry.slice(0, entry.indexOf(' '));
        for (const c of word) if (!firstWord.has(c)) firstWord.set(c, word);
      }
    }
    return firstWord.get(character);
  }

  return {
    candidates,
    split: (typed) => segments(typed).map((s) => s.syllable),
    readings: (character) => readingsOf.get(character) ?? [],
    wordWith,
  };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
