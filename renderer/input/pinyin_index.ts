import index from '../../assets/input/pinyin_index.json';
import { createPinyinEngine, type PinyinEngine, type PinyinIndex } from './pinyin_engine';

let engine: PinyinEngine | null = null;

/** The shared pinyin engine over the shipped index (built once, on first use: ~10 ms). */
export function pinyinEngine(): PinyinEngine {
  engine ??= createPinyinEngine(index as unknown as PinyinIndex);
  return engine;
}
