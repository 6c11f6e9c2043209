/**
 * Measures the classifier on labelled TSV sets (`pilkada|other` TAB text):
 * `npm run eval:classifier -- [FILE.tsv [PASLON.json]] [--vocabulary FILE] [--errors N]`.
 * Always reports on the project's own example sets (tests/fixtures/classifier/
 * NAME.tsv, each with its NAME.paslon.json), then on FILE.tsv when given.
 * Prints precision, recall, F1 and counts per set; with --errors, sample mistakes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPaslonFile, loadVocabulary } from '../app/vocabulary.js';
import { createClassifier, type PilkadaClassifier } from '../core/classifier.js';

/** Confusion counts plus a few mistakes to look at. */
interface EvalResult {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  falsePositives: string[];
  falseNegatives: string[];
}

/** Runs the classifier over labelled lines; malformed lines are an error, not a silent skip. */
function evaluate(c: PilkadaClassifier, tsv: string, keepErrors = 0): EvalResult {
  const r: EvalResult = { tp: 0, fp: 0, fn: 0, tn: 0, falsePositives: [], falseNegatives: [] };
  tsv.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const tab = line.indexOf('\t');
    const label = line.slice(0, tab);
    if (tab < 0 || (label !== 'pilkada' && label !== 'other')) throw new Error(`line ${i + 1}: expected "pilkada|other<TAB>text"`);
    const text = line.slice(tab + 1);
    const got = c.classify(text);
    const want = label === 'pilkada';
    if (got.pilkada && want) r.tp++;
    else if (got.pilkada) { r.fp++; keep(r.falsePositives, `${got.score} [${got.terms.join(', ')}] ${text}`, keepErrors); }
    else if (want) { r.fn++; keep(r.falseNegatives, `${got.score} [${got.terms.join(', ')}] ${text}`, keepErrors); }
    else r.tn++;
  });
  return r;
}

function keep(list: string[], item: string, max: number): void {
  if (list.length < max) list.push(item);
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** The project's own labelled examples, written for it: one TSV per election, with its paslon file beside it. */
const EXAMPLES_DIR = 'tests/fixtures/classifier';

/** A labelled set and the paslon file it is read with. */
interface EvalSet {
  tsv: string;
  paslon?: string;
}

function exampleSets(): EvalSet[] {
  return readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.tsv')).sort().map((f) => {
    const paslon = join(EXAMPLES_DIR, f.replace(/\.tsv$/, '.paslon.json'));
    return { tsv: join(EXAMPLES_DIR, f), ...(existsSync(paslon) ? { paslon } : {}) };
  });
}

function report(set: EvalSet, vocabularyPath: string, errors: number): void {
  const classifier = createClassifier({
    vocabulary: loadVocabulary(vocabularyPath),
    ...(set.paslon ? { paslon: loadPaslonFile(set.paslon) } : {}),
  });
  const r = evaluate(classifier, readFileSync(set.tsv, 'utf8'), errors);
  const precision = ratio(r.tp, r.tp + r.fp);
  const recall = ratio(r.tp, r.tp + r.fn);
  const f1 = ratio(2 * precision * recall, precision + recall);
  console.log(`${set.tsv}${set.paslon ? ` (paslon ${set.paslon})` : ' (no paslon file)'}`);
  console.log(`  precision ${precision.toFixed(4)}  recall ${recall.toFixed(4)}  F1 ${f1.toFixed(4)}`);
  console.log(`  tp ${r.tp}  fp ${r.fp}  fn ${r.fn}  tn ${r.tn}`);
  for (const e of r.falsePositives) console.log(`  FP ${e}`);
  for (const e of r.falseNegatives) console.log(`  FN ${e}`);
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { errors: { type: 'string', default: '0' }, vocabulary: { type: 'string', default: 'data/vocabulary.json' } },
  });
  const errors = Number(values.errors);
  if (!Number.isInteger(errors) || errors < 0 || positionals.length > 2) {
    throw new Error('usage: eval-classifier [FILE.tsv [PASLON.json]] [--vocabulary FILE] [--errors N]');
  }
  const [tsv, paslon] = positionals;
  const sets = [...exampleSets(), ...(tsv ? [{ tsv, ...(paslon ? { paslon } : {}) }] : [])];
  for (const set of sets) report(set, values.vocabulary, errors);
}

try {
  main();
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
}
