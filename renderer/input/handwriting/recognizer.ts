import { COARSE_LENGTH, coarseFeatureOf, FEATURE_LENGTH, featureOf } from './features';
import { decodeStrokes, type Stroke } from './stroke_codec';

/** The shipped reference data (`assets/input/handwriting_strokes.json`). */
export interface HandwritingData {
  version: 1;
  /** The characters, most frequent first. */
  characters: string;
  /** Each character's strokes in the codec's text form, in the same order. */
  strokes: string[];
}

export interface Recognizer {
  /** The likeliest characters for what was written, best first. */
  recognize(strokes: readonly Stroke[], limit?: number): string[];
  readonly size: number;
}

/** References prepared between two pauses while loading. */
const SLICE = 250;
/** How many references the coarse first pass hands to the full comparison. */
const SHORTLIST = 300;
/** How much one stroke more or fewer than the reference costs, relative to the spread of similarities. */
const STROKE_COUNT_PENALTY = 0.012;
/** A little preference for frequent characters when two look alike (rank 0 is the most frequent). */
const FREQUENCY_PRIOR = 0.004;

/**
 * Nearest references by feature (see features.ts): every reference's feature is computed once when the data
 * loads. A query is compared with every reference by the coarse feature (64 numbers), and with the best
 * SHORTLIST of those by the full one (512). A reference drawn with a different number of strokes
 * than the query loses a little per stroke of difference (joined or split strokes change the count by one or
 * two, a different character usually by more), and frequent characters win ties.
 */
export async function createRecognizer(
  data: HandwritingData,
  pause?: () => Promise<void>,
): Promise<Recognizer> {
  const characters = [...data.characters];
  const count = characters.length;
  const features = new Float32Array(count * FEATURE_LENGTH);
  const coarse = new Float32Array(count * COARSE_LENGTH);
  const strokeCounts = new Uint8Array(count);
  const scratch = new Float32Array(FEATURE_LENGTH);
  for (let i = 0; i < count; i++) {
    if (pause && i % SLICE === SLICE - 1) await pause();
    const strokes = decodeStrokes(data.strokes[i]!);
    strokeCounts[i] = Math.min(255, strokes.length);
    features.set(featureOf(strokes, scratch), i * FEATURE_LENGTH);
    coarse.set(coarseFeatureOf(scratch), i * COARSE_LENGTH);
  }
  const coarseQuery = new Float32Array(COARSE_LENGTH);
  const prior = new Float32Array(count);
  for (let i = 0; i < count; i++) prior[i] = FREQUENCY_PRIOR * Math.log1p(i / 500);
  const scores = new Float32Array(count);

  function recognize(strokes: readonly Stroke[], limit = 10): string[] {
    const finite = (p: readonly number[]) => Number.isFinite(p[0]) && Number.isFinite(p[1]);
    const ink = strokes.map((s) => s.filter(finite)).filter((s) => s.length > 0);
    if (ink.length === 0) return [];
    const query = featureOf(ink, scratch);
    coarseFeatureOf(query, coarseQuery);
    const penalty = (i: number) => STROKE_COUNT_PENALTY * Math.abs(strokeCounts[i]! - ink.length) + prior[i]!;
    for (let i = 0; i < count; i++) {
      let dot = 0;
      const base = i * COARSE_LENGTH;
      for (let k = 0; k < COARSE_LENGTH; k++) dot += coarseQuery[k]! * coarse[base + k]!;
      scores[i] = dot - penalty(i);
    }
    const shortlist = topIndices(scores, SHORTLIST);
    const fine = new Float32Array(shortlist.length);
    shortlist.forEach((i, at) => {
      let dot = 0;
      const base = i * FEATURE_LENGTH;
      for (let k = 0; k < FEATURE_LENGTH; k++) dot += query[k]! * features[base + k]!;
      fine[at] = dot - penalty(i);
    });
    return topIndices(fine, limit).map((at) => characters[shortlist[at]!]!);
  }

  return { recognize, size: count };
}

/** Indices of the `limit` highest scores, highest first. */
function topIndices(scores: Float32Array, limit: number): number[] {
  const best: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    if (best.length === limit && scores[i]! <= scores[best[limit - 1]!]!) continue;
    let at = best.length < limit ? best.length : limit - 1;
    while (at > 0 && scores[best[at - 1]!]! < scores[i]!) at--;
    best.splice(at, 0, i);
    if (best.length > limit) best.pop();
  }
  return best;
}
