import { createPinyinEngine, type PinyinEngine, type PinyinIndex } from './pinyin_engine';

let loading: Promise<PinyinEngine> | null = null;

/**
 * The shared pinyin engine over the shipped index. The index (8,230 characters, 40,000 words) is its own
 * chunk, fetched the first time a keyboard needs it, so the first screen never pays for it; a failed fetch
 * is tried again next time.
 */
export function loadPinyinEngine(): Promise<PinyinEngine> {
  loading ??= import('../../assets/input/pinyin_index.json').then(
    (module) => createPinyinEngine(module.default as unknown as PinyinIndex),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
