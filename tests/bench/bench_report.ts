/** Shared helpers of the benchmarks: percentiles and the JSON-line report format. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export interface BenchLine {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  target?: string;
  samples?: number;
}

export function report(line: BenchLine): void {
  process.stdout.write(`${JSON.stringify({ ...line, value: Math.round(line.value * 100) / 100 })}\n`);
}
