/** Small helpers shared by the benchmarks. */

/** One printed line of `npm run bench`. */
export type BenchResult = { name: string; value: string; target: string; ok: boolean };

/** Waits `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The q-quantile (0..1) of a sample, NaN when empty. */
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}
