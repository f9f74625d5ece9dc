import { createRecognizer, type HandwritingData, type Recognizer } from './recognizer';

let loading: Promise<Recognizer> | null = null;

/** Lets the page breathe (paint, speak, take keys) between slices of the reference features. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The shared handwriting recognizer. Its reference strokes (7,000 characters) are their own chunk, fetched
 * when a pad first opens; the features are computed in slices so the page stays responsive meanwhile.
 */
export function loadRecognizer(): Promise<Recognizer> {
  loading ??= import('../../../assets/input/handwriting_strokes.json').then(
    (module) => createRecognizer(module.default as unknown as HandwritingData, breathe),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
