/**
 * Measures the classifier on labelled TSV sets (`pilkada|other` TAB text):
 * `npm run eval:classifier -- [FILE.tsv [PASLON.json]] [--vocabulary FILE] [--errors N]`.
 * Always reports on the project's own example sets (tests/fixtures/classifier/
 * ELECTION.tsv or ELECTION.KIND.tsv, each read with ELECTION.paslon.json), then
 * on FILE.tsv when given. Prints precision, recall, F1 and counts per set, then
 * precision and recall per kind over every election's set of that kind; beside
 * each, the recall of a plain keyword regex (see keyword-baseline.ts). With
 * --errors, sample mistakes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadPaslonFile, loadVocabulary } from '../app/vocabulary.js';
import { createClassifier, type PilkadaClassifier } from '../core/classifier.js';
import { baselineKeywords, baselineRegExp } from './keyword-baseline.js';

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
function evaluate(c: Pick<PilkadaClassifier, 'classify'>, tsv: string, keepErrors = 0): EvalResult {
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
/** Sets kept apart from the rules: measured, never tuned on (README says which were looked at). */
export const HELDOUT_DIR = 'tests/fixtures/classifier-heldout';

/** A labelled set, the paslon file it is read with, and the kind of text it gathers. */
interface EvalSet {
  tsv: string;
  paslon?: string;
  /** From ELECTION.KIND.tsv ("numbers", "surnames"); "general" for ELECTION.tsv and sets given on the command line. */
  kind: string;
}

/** The example sets: ELECTION.tsv and ELECTION.KIND.tsv, each with ELECTION.paslon.json. */
export function exampleSets(dir = EXAMPLES_DIR): EvalSet[] {
  return readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort().map((f) => {
    const [election = '', kind = 'general'] = f.replace(/\.tsv$/, '').split('.');
    const paslon = join(dir, `${election}.paslon.json`);
    return { tsv: join(dir, f), kind, ...(existsSync(paslon) ? { paslon } : {}) };
  });
}

/** Confusion counts of the classifier and of the keyword regex on one set. */
interface SetScore {
  classifier: EvalResult;
  baseline: EvalResult;
}

function report(set: EvalSet, vocabularyPath: string, errors: number): SetScore {
  const vocabulary = loadVocabulary(vocabularyPath);
  const paslon = set.paslon ? loadPaslonFile(set.paslon) : undefined;
  const classifier = createClassifier({ vocabulary, ...(paslon ? { paslon } : {}) });
  const regex = baselineRegExp(baselineKeywords(vocabulary, paslon));
  const tsv = readFileSync(set.tsv, 'utf8');
  const r = evaluate(classifier, tsv, errors);
  const b = evaluate({ classify: (text) => ({ pilkada: regex.test(text), score: 0, terms: [] }) }, tsv);
  console.log(`${set.tsv}${set.paslon ? ` (paslon ${set.paslon})` : ' (no paslon file)'}`);
  console.log(`  ${scoreLine(r)}  F1 ${f1(r).toFixed(4)}   keyword regex: ${scoreLine(b)}`);
  console.log(`  tp ${r.tp}  fp ${r.fp}  fn ${r.fn}  tn ${r.tn}`);
  for (const e of r.falsePositives) console.log(`  FP ${e}`);
  for (const e of r.falseNegatives) console.log(`  FN ${e}`);
  return { classifier: r, baseline: b };
}

const precisionOf = (r: EvalResult): number => ratio(r.tp, r.tp + r.fp);
const recallOf = (r: EvalResult): number => ratio(r.tp, r.tp + r.fn);
const f1 = (r: EvalResult): number => ratio(2 * precisionOf(r) * recallOf(r), precisionOf(r) + recallOf(r));
const scoreLine = (r: EvalResult): string => `precision ${precisionOf(r).toFixed(4)}  recall ${recallOf(r).toFixed(4)}`;

function add(a: EvalResult, b: EvalResult): EvalResult {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, tn: a.tn + b.tn, falsePositives: [], falseNegatives: [] };
}

/** Precision and recall per kind, summed over every election's set of that kind. */
function reportKinds(scores: { set: EvalSet; score: SetScore }[]): void {
  const kinds = new Map<string, SetScore & { elections: number }>();
  for (const { set, score } of scores) {
    const k = kinds.get(set.kind);
    kinds.set(set.kind, k
      ? { classifier: add(k.classifier, score.classifier), baseline: add(k.baseline, score.baseline), elections: k.elections + 1 }
      : { ...score, elections: 1 });
  }
  console.log('per kind (example sets of every election):');
  for (const [kind, k] of kinds) {
    const r = k.classifier;
    console.log(`  ${kind.padEnd(14)} ${scoreLine(r)}  (${r.tp + r.fn} pilkada, ${r.fp + r.tn} other, ${k.elections} sets)   keyword regex: ${scoreLine(k.baseline)}`);
  }
}

const USAGE = 'usage: eval-classifier [FILE.tsv [PASLON.json] | --heldout] [--vocabulary FILE] [--errors N]';

function main(): void {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        errors: { type: 'string', default: '0' },
        vocabulary: { type: 'string', default: 'data/vocabulary.json' },
        heldout: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const errors = Number(values.errors);
  if (!Number.isInteger(errors) || errors < 0 || positionals.length > 2 || (values.heldout && positionals.length > 0)) {
    throw new Error(USAGE);
  }
  const [tsv, paslon] = positionals;
  if (tsv) {
    // One named set: only its figures, so a quick check of one file is not buried under every example set.
    report({ tsv, kind: 'general', ...(paslon ? { paslon } : {}) }, values.vocabulary, errors);
    return;
  }
  if (values.heldout) {
    const scores = exampleSets(HELDOUT_DIR).map((set) => report(set, values.vocabulary, errors));
    const sum = scores.reduce((a, s) => ({ classifier: add(a.classifier, s.classifier), baseline: add(a.baseline, s.baseline) }));
    console.log(`held-out sets together (${scores.length})`);
    console.log(`  ${scoreLine(sum.classifier)}  F1 ${f1(sum.classifier).toFixed(4)}   keyword regex: ${scoreLine(sum.baseline)}`);
    return;
  }
  const examples = exampleSets().map((set) => ({ set, score: report(set, values.vocabulary, errors) }));
  reportKinds(examples);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (err) {
    console.error((err as Error).message);
    process.exitCode = 1;
  }
}
