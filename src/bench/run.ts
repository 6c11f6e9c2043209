/**
 * `npm run bench`: every speed and memory target, measured in one run and
 * printed with its target. Timing lives here, never in unit tests.
 */
import { benchClassifier, benchHostile } from './classifier-bench.js';
import { benchMonitor } from './monitor-bench.js';
import { benchImport, benchLookups } from './registry-bench.js';
import type { BenchResult } from './util.js';

const line = (name: string, value: string, target: string, ok: boolean) =>
  console.log(`${ok ? 'OK  ' : 'MISS'} ${name.padEnd(38)} ${value.padStart(22)}   target ${target}`);

const only = new Set(process.argv.slice(2));
const want = (k: string) => only.size === 0 || only.has(k);

if (want('classifier')) {
  const c = await benchClassifier();
  line(`classifier (${c.aliases} aliases, median of ${c.rounds})`, `${c.mbPerSec} MB/s`, '>= 20 MB/s', c.mbPerSec >= 20);
  line('peer: RegExp alternation, same keywords', `${c.regexMbPerSec} MB/s`, '(reference)', true);
  line('classifier / RegExp', `${c.ratio}`, '>= 1', c.ratio >= 1);
  const h = benchHostile();
  line('classifier, hostile: µs/KB at 1,000 reps', `${h.smallUsPerKb} µs/KB`, '(reference)', true);
  line('classifier, hostile: µs/KB at 16,000 reps', `${h.largeUsPerKb} µs/KB`, '(reference)', true);
  line('classifier, hostile: 16,000 / 1,000', `${h.ratio}`, '< 2', h.ratio < 2);
}
if (want('monitor')) {
  const m = benchMonitor();
  line('monitor, durable, 100 events/commit', `${m.monitorPerSec} events/s`, '>= 0.5 of raw', m.ratio >= 0.5);
  line('peer: raw better-sqlite3 batched insert', `${m.rawInsertPerSec} rows/s`, '(reference)', true);
  line('monitor / raw', `${m.ratio}`, '>= 0.5', m.ratio >= 0.5);
  line('monitor, one commit per event (live path)', `${m.perEventPerSec} events/s`, '(report only)', true);
}
if (want('import')) {
  const i = await benchImport();
  line('import-asn 1,000,000 rows', `${i.seconds.toFixed(1)} s`, '<= 20 s', i.seconds <= 20);
  line('import-asn peak RSS', `${i.peakRssMb} MB`, '<= 300 MB', i.peakRssMb <= 300);
  line('peer: raw batched insert, same rows/table', `${i.rawSeconds.toFixed(1)} s`, '(reference)', true);
  line('import / raw (speed)', `${i.ratio}`, '>= 0.5', i.ratio >= 0.5);
}
if (want('lookup')) {
  const l = benchLookups();
  line('registry lookups by phone', `${Math.round(l.perSecond)} /s`, '>= 500,000/s', l.perSecond >= 500_000);
}
for (const name of ['latency', 'mass', 'load', 'dashboard']) {
  if (!want(name)) continue;
  try {
    const mod = (await import(`./${name}-bench.js`)) as { run(): Promise<BenchResult[]> };
    for (const r of await mod.run()) line(r.name, r.value, r.target, r.ok);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw err;
  }
}
