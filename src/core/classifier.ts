/**
 * The Pilkada text classifier. Generic vocabulary finds under half of real
 * Pilkada posts; the local paslon names, nicknames, pair names and ballot
 * numbers find the rest, so both feed one token trie. Every term carries a
 * weight: strong terms fire alone, ambiguous ones (relawan, kampanye, debat,
 * common given names) stay below the threshold until other terms support them.
 * Pure: vocabulary and paslon file arrive as data (see app/vocabulary.ts).
 */
import { tokenize } from './text/normalize.js';
import type { Classification } from './types.js';

/** The candidate pairs of one election, configured per deployment (PASLON_FILE). */
export interface PaslonFile {
  election: string;
  paslon: { number: number; names: string[]; aliases?: string[] }[];
}

/** Weights given to terms derived from candidate names. */
export interface NameWeights {
  /** A full name or two-word part of it ("Emil Dardak"), or a multi-word alias. */
  full: number;
  /** A single name part that is not a common name ("Khofifah", "Dardak"). */
  distinctive: number;
  /** A single name part that is a common name or word ("Agus", "Emil", "Deru"). */
  common: number;
  /** Two running mates named together ("Luluk-Lukman"). */
  pair: number;
}

/** The generic, election-independent vocabulary (data/vocabulary.json). */
export interface Vocabulary {
  /** Score at which a text counts as Pilkada content. */
  threshold: number;
  /** Category -> phrase -> weight. Weights below the threshold need support from other terms. */
  terms: Record<string, Record<string, number>>;
  /** Ballot-number phrases, `{n}` standing for a paslon number ("coblos nomor {n}"). */
  numberPatterns: Record<string, number>;
  /** Paslon numbers assumed when no paslon file is configured. */
  defaultPaslonNumbers: number[];
  names: NameWeights;
  /** Titles and forms of address that are not names by themselves ("Bu", "Gus", "KH"). */
  honorifics: string[];
  /** Given names and words too common to identify a candidate alone ("Agus", "Sandi"). */
  commonNames: string[];
  /** Words that open campaign-group names ("Relawan", "Sahabat", "Tim Pemenangan"). */
  groupPrefixes: string[];
}

/** Category of terms derived from paslon names and aliases. */
export const PASLON_NAME = 'paslonName';
/** Category of terms derived from paslon ballot numbers. */
export const PASLON_NUMBER = 'paslonNumber';
/** Category of group-name prefixes that carry no weight of their own. */
const GROUP_PREFIX = 'groupPrefix';

/** One recognised term, with why it counts. */
export interface Term {
  /** The term as a human would recognise it ("Khofifah-Emil", "nomor 2", "timses"). */
  label: string;
  weight: number;
  /** A vocabulary category, PASLON_NAME, PASLON_NUMBER or GROUP_PREFIX. */
  category: string;
  /** The term opens campaign-group names ("relawan", "posko pemenangan"). */
  groupPrefix: boolean;
}

/** Decides whether a text is about the Pilkada, and says why. */
export interface PilkadaClassifier {
  /** Score at which a text counts as Pilkada content. */
  readonly threshold: number;
  classify(text: string): Classification;
  /** Every distinct term in the text, weightless group prefixes included, in order of appearance. */
  findTerms(text: string): Term[];
}

interface TrieNode {
  term?: Term;
  next?: Map<string, TrieNode>;
}

const FOLD = { foldDoubles: true } as const;
const TAG = /[#@]([\p{L}\p{N}_]+)/gu;
/** Shortest dictionary word used to split a glued hashtag ("pilgubjatim"), honorifics aside. */
const MIN_SEGMENT = 4;

/** Builds a classifier from the generic vocabulary and, when configured, the local paslon. */
export function createClassifier(opts: { vocabulary: Vocabulary; paslon?: PaslonFile }): PilkadaClassifier {
  const { vocabulary: vocab, paslon } = opts;
  const trie = new Map<string, TrieNode>();
  const add = (phrase: string, weight: number, category: string, label = phrase): void =>
    addTerm(trie, tokenize(phrase, FOLD), { label, weight, category, groupPrefix: false });

  for (const [category, terms] of Object.entries(vocab.terms)) {
    for (const [phrase, weight] of Object.entries(terms)) add(phrase, weight, category);
  }
  const numbers = paslon ? paslon.paslon.map((p) => p.number) : vocab.defaultPaslonNumbers;
  for (const t of numberTerms(vocab.numberPatterns, numbers)) add(t.phrase, t.weight, PASLON_NUMBER);
  for (const t of paslon ? paslonNameTerms(paslon, vocab) : []) add(t.phrase, t.weight, PASLON_NAME, t.label);
  for (const prefix of vocab.groupPrefixes) add(prefix, 0, GROUP_PREFIX);
  for (const prefix of vocab.groupPrefixes) markGroupPrefix(trie, tokenize(prefix, FOLD));

  const segmentWords = segmentWordsOf(trie, vocab.honorifics);

  const findTerms = (text: string): Term[] => {
    const found: Term[] = [];
    scan(trie, tokenize(text, FOLD), found);
    if (text.includes('#') || text.includes('@')) {
      for (const m of text.matchAll(TAG)) scan(trie, splitTag(m[1] ?? '', trie, segmentWords), found);
    }
    return found;
  };

  return {
    threshold: vocab.threshold,
    findTerms,
    classify: (text) => summarise(findTerms(text), vocab.threshold),
  };
}

/** Adds one ballot-number term per pattern, number and spelling ("nomor 2", "nomor 02"). */
function numberTerms(patterns: Record<string, number>, numbers: number[]): { phrase: string; weight: number }[] {
  const forms = numbers.flatMap((n) => (n < 10 ? [String(n), `0${n}`] : [String(n)]));
  return Object.entries(patterns).flatMap(([pattern, weight]) =>
    forms.map((f) => ({ phrase: pattern.replace('{n}', f), weight })));
}

interface NameTerm {
  phrase: string;
  label: string;
  weight: number;
}

/**
 * Terms derived from the paslon file only: full names and their multi-word
 * parts, single name parts (weak when common), aliases, and running-mate pairs.
 */
function paslonNameTerms(file: PaslonFile, vocab: Vocabulary): NameTerm[] {
  const honorifics = new Set(vocab.honorifics.map((h) => tokenize(h, FOLD).join(' ')));
  const common = new Set(vocab.commonNames.map((n) => tokenize(n, FOLD).join(' ')));
  const w = vocab.names;
  const isHonorific = (word: string): boolean => honorifics.has(tokenize(word, FOLD).join(' '));
  const single = (word: string, label = display([word])): NameTerm[] => {
    if (word.length < 3) return [];
    const weak = word.length <= 3 || common.has(tokenize(word, FOLD).join(' '));
    return [{ phrase: word, label, weight: weak ? w.common : w.distinctive }];
  };
  const phrase = (words: string[], weight: number, label = display(words)): NameTerm =>
    ({ phrase: words.join(' '), label, weight });

  return file.paslon.flatMap((p) => {
    const names = p.names.map((n) => tokenize(n));
    const cores = names.map((words) => words.filter((x) => !isHonorific(x)));
    const out: NameTerm[] = [];
    names.forEach((words, i) => {
      const core = cores[i] ?? [];
      if (words.length >= 2) out.push(phrase(words, w.full));
      out.push(...subPhrases(core).map((sub) => phrase(sub, w.full)), ...core.flatMap((word) => single(word)));
    });
    const shorts = cores.map((core) => shortForms(core));
    for (const alias of p.aliases ?? []) {
      const words = tokenize(alias);
      const core = words.filter((x) => !isHonorific(x));
      if (words.length >= 2) out.push(phrase(words, w.full, alias));
      if (core.length >= 2 && core.length < words.length) out.push(phrase(core, w.full));
      if (core.length === 1 && core[0]) {
        out.push(...single(core[0], words.length === 1 ? alias : undefined));
        attributeAlias(core[0], cores, shorts);
      }
    }
    out.push(...pairs(shorts).map((pair) => phrase(pair, w.pair, display(pair, '-'))));
    return out;
  });
}

/** Every contiguous run of two or more words, plus first + last ("Khofifah Parawansa"). */
function subPhrases(core: string[]): string[][] {
  const out: string[][] = [];
  for (let len = 2; len <= core.length; len++) {
    for (let i = 0; i + len <= core.length; i++) out.push(core.slice(i, i + len));
  }
  if (core.length >= 3) out.push([core[0] ?? '', core[core.length - 1] ?? '']);
  return out;
}

/** The forms a candidate goes by in pair names: first and last name part. */
function shortForms(core: string[]): Set<string> {
  return new Set([core[0], core[core.length - 1]].filter((x): x is string => !!x && x.length >= 3));
}

/** A one-word alias that is (the start of) a candidate's name part joins that candidate's short forms ("Risma"). */
function attributeAlias(alias: string, cores: string[][], shorts: Set<string>[]): void {
  cores.forEach((core, i) => {
    if (core.some((word) => word === alias || (alias.length >= 4 && word.startsWith(alias)))) shorts[i]?.add(alias);
  });
}

/** Running-mate pairs in ballot order ("Luluk Lukman", "Khofifah Emil"). */
function pairs(shorts: Set<string>[]): string[][] {
  const [first, second] = shorts;
  if (!first || !second) return [];
  return [...first].flatMap((a) => [...second].map((b) => [a, b]));
}

/** Capitalised words, as a name is usually written. */
function display(words: string[], sep = ' '): string {
  return words.map((x) => x.charAt(0).toUpperCase() + x.slice(1)).join(sep);
}

/** Inserts a phrase; when two sources give the same phrase, the heavier term wins. */
function addTerm(trie: Map<string, TrieNode>, key: string[], term: Term): void {
  if (key.length === 0 || (key.length === 1 && (key[0]?.length ?? 0) < 3)) return;
  let level = trie;
  let node: TrieNode | undefined;
  for (const token of key) {
    node = level.get(token);
    if (!node) level.set(token, (node = {}));
    level = node.next ??= new Map();
  }
  if (node && (!node.term || node.term.weight < term.weight)) node.term = term;
}

/** Flags the prefix's own term and every longer term starting with it ("posko pemenangan"). */
function markGroupPrefix(trie: Map<string, TrieNode>, key: string[]): void {
  let level: Map<string, TrieNode> | undefined = trie;
  let node: TrieNode | undefined;
  for (const token of key) {
    node = level?.get(token);
    if (!node) return;
    level = node.next;
  }
  const stack: TrieNode[] = node ? [node] : [];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (n.term) n.term.groupPrefix = true;
    stack.push(...(n.next?.values() ?? []));
  }
}

/** Greedy longest match of trie phrases over the tokens; adds each term once (texts hold few). */
function scan(trie: Map<string, TrieNode>, tokens: string[], found: Term[]): void {
  for (let i = 0; i < tokens.length; i++) {
    let node = trie.get(tokens[i] as string);
    if (!node) continue;
    let best = node.term;
    let bestEnd = i;
    for (let j = i + 1; node.next && j < tokens.length; j++) {
      node = node.next.get(tokens[j] as string);
      if (!node) break;
      if (node.term) { best = node.term; bestEnd = j; }
    }
    if (best) {
      if (!found.includes(best)) found.push(best);
      i = bestEnd;
    }
  }
}

/** First words of trie phrases long enough to split hashtags on, plus honorifics ("mbak", "bu"). */
function segmentWordsOf(trie: Map<string, TrieNode>, honorifics: string[]): SegmentWords {
  const set = new Set([...trie.keys()].filter((k) => k.length >= MIN_SEGMENT));
  for (const h of honorifics) set.add(tokenize(h, FOLD).join(''));
  return { set, maxLength: Math.max(0, ...[...set].map((w) => w.length)) };
}

/** Tokens of a hashtag or mention, glued words split on dictionary words ("mbakluluk" -> mbak luluk). */
function splitTag(body: string, trie: Map<string, TrieNode>, words: SegmentWords): string[] {
  return tokenize(body, FOLD).flatMap((t) => (trie.has(t) || isDigit(t) ? [t] : segment(t, words)));
}

/** Tokens are all digits or all letters, so the first character tells. */
const isDigit = (token: string): boolean => token.charCodeAt(0) <= 57;

/** Dictionary words that may be glued together inside a hashtag, and the longest one's length. */
interface SegmentWords {
  set: Set<string>;
  maxLength: number;
}

/** Left-to-right longest-word split; the unmatched tail stays one token. */
function segment(token: string, words: SegmentWords): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i < token.length) {
    let len = Math.min(token.length - i, words.maxLength);
    while (len >= 2 && !words.set.has(token.slice(i, i + len))) len--;
    if (len < 2) break;
    parts.push(token.slice(i, i + len));
    i += len;
  }
  if (i < token.length) parts.push(token.slice(i));
  return parts;
}

/** Sums the weights of distinct terms; labels go out deduplicated so an alert can say why. */
function summarise(found: Term[], threshold: number): Classification {
  let sum = 0;
  const labels: string[] = [];
  for (const t of found) {
    if (t.weight <= 0) continue;
    sum += t.weight;
    if (!labels.includes(t.label)) labels.push(t.label);
  }
  const score = Math.round(sum * 100) / 100;
  return { pilkada: score >= threshold, score, terms: labels };
}
