/**
 * The classifier's hot path (issue 20, performance against peers) must not
 * change a single verdict, score or term. ASCII text and emoji are tokenised
 * by a fast path (a table of words already seen, flags gathered on the way:
 * src/core/text/normalize.ts tokenizeAscii); everything else by the general
 * path (Unicode folding, a lowercase copy, a string per token). These tests
 * hold the two to the same results: token by token on generated text, and
 * classification by classification on every example set of the project and
 * on the benchmark's generated chat.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPaslonFile, loadVocabulary } from '../../src/app/vocabulary.js';
import { generateChat, generatePaslon, prng } from '../../src/bench/classifier-bench.js';
import { createClassifier, type PilkadaClassifier } from '../../src/core/classifier.js';
import { TEXT_ODD_CASE, TEXT_UNICODE, tokenize, tokenizeInto, tokenizeUncached } from '../../src/core/text/normalize.js';

const MODES = [{}, { foldDoubles: true }, { foldNames: true }] as const;

/** Pieces that exercise every branch of the tokeniser: case patterns, doubles, spelling folds, leetspeak, URLs, emoji, Unicode. */
const PIECES = [
  'a', 'A', 'e', 'o', 'i', 'j', 'y', 'h', 'k', 'd', 't', 'c', 's', 'w', 'x', 'N', 'D', 'H', 'S', 'W',
  '0', '1', '2', '4', '9', ' ', ' ', ' ', '.', ',', '#', '@', '-', '_', '/', ':', '\n', '\t',
  'coblos', 'COBLOS', 'Coblos', 'cOblos', 'pilkadaaa', 'Eddyy', 'Soeharto', 'Djarot', 'Tjahaja', 'Chofifah', 'Dheru',
  'KhofifahEmil', 'PDIPerjuangan', 'aNdika', 'HENdi', 'c0bl0sss', 'nomor2', '02', 'http://t.co/AbC1', 'HTTPS://X.Y/z',
  'www.Ab.cd', 'Www.', 'http', 'https:', 'ht',
  '🔥', '👍', '🙏', '😂', '\u{1F130}', '\u{1FBF1}', '\u{1D41C}', 'é', 'É', 'İ', 'ß', 'ﬁ', '\u0441', '\u00A0', '\u200B', '\uFE0F', '☝', '✌', '\uD83D', '\uDE00',
];
const chatText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((xs) => xs.join(''));

describe('tokeniser fast path', () => {
  it('gives the general path\'s tokens for any text, in every mode, cold and warm', () => {
    fc.assert(fc.property(chatText, (text) => {
      for (const mode of MODES) {
        const want = tokenizeUncached(text, mode);
        expect(tokenize(text, mode)).toEqual(want);
        expect(tokenize(text, mode)).toEqual(want); // now from the table of words seen
      }
    }), { numRuns: 3000 });
  });

  it('says when capitals stand in odd places exactly as the classifier\'s regular expression does, for text it reads itself', () => {
    fc.assert(fc.property(chatText, (text) => {
      const flags = tokenizeInto(text, { foldNames: true }, []);
      if (flags & TEXT_UNICODE) return;
      expect((flags & TEXT_ODD_CASE) !== 0).toBe(/[a-z][A-Z]|[A-Z]{2}[a-z]/.test(text));
    }), { numRuns: 3000 });
  });

  it('reads only ASCII and the emoji that fold to nothing itself; anything Unicode folding changes goes the general way', () => {
    expect(tokenizeInto('Ayo coblos 🔥👍 https://t.co/AbC', {}, []) & TEXT_UNICODE).toBe(0);
    for (const text of ['pémilu', '\u{1F130}', '\u{1FBF1}', 'co\u200Bblos', 'salam ☝ jari', '\uD83D']) {
      expect(tokenizeInto(text, {}, []) & TEXT_UNICODE).toBe(TEXT_UNICODE);
    }
  });

  it('reads words longer than its table keeps, up to a flood of one letter', () => {
    for (const text of ['a'.repeat(2_000_000), `Ko${'B'.repeat(100)}los ${'x'.repeat(65)}`]) {
      for (const mode of MODES) expect(tokenize(text, mode)).toEqual(tokenizeUncached(text, mode));
    }
  });

  it('reads numbers (digits only, now from its table of words seen) as the general path does: doubled digits, numbers longer than the table keeps, more distinct numbers than it holds', () => {
    // normalize.ts tokenizeAscii: a run of digits only takes the table (WordTable.token), as a plain word does.
    const texts = ['jam 02.00 lantai 2 nomor 11 tahun 2024 RT 005 kosong 00', `${'1'.repeat(70)} ${'9'.repeat(65)}x 12${'3'.repeat(80)}`,
      Array.from({ length: 70_000 }, (_, i) => String(i * 7919)).join(' ')];
    for (const text of texts) {
      for (const mode of MODES) {
        expect(tokenize(text, mode)).toEqual(tokenizeUncached(text, mode));
        expect(tokenize(text, mode)).toEqual(tokenizeUncached(text, mode));
      }
    }
    const ids: number[] = [];
    tokenizeInto('nomor 2024 dan 2024', { foldNames: true }, [], ids);
    expect(ids[1]).toBeGreaterThanOrEqual(0);
    expect(ids[3]).toBe(ids[1]);
  });

  it('stays right when more distinct words come than its table holds (the table empties and fills again)', () => {
    const rand = prng(3);
    const words = Array.from({ length: 70_000 }, (_, i) => `w${i.toString(36)}x${Math.floor(rand() * 1e6).toString(36)}`.replace(/[0-9]/g, (d) => 'qrstuvwxyz'[Number(d)] as string));
    const text = words.join(' ');
    for (const mode of MODES) expect(tokenize(text, mode)).toEqual(tokenizeUncached(text, mode));
  });
});

/** A space that Unicode folding reads as a space: the text means the same, but goes the general path. */
const GENERAL = ' \u00A0';

const expectSameOnBothPaths = (c: PilkadaClassifier, text: string): void => {
  const fast = c.classify(text);
  const general = c.classify(text + GENERAL);
  expect({ text, ...general }).toEqual({ text, ...fast });
  expect(c.findTerms(text + GENERAL)).toEqual(c.findTerms(text));
};

describe('classifier on the fast and the general path', () => {
  const vocabulary = loadVocabulary();
  const dir = 'tests/fixtures/classifier';

  // One test per set: the sets grow every round, and one test over all of them outgrew the 30 s limit on a busy machine.
  const sets = readdirSync(dir).filter((f) => f.endsWith('.tsv'));
  let pilkada = 0;
  it.each(sets)('gives the same verdict, score and terms on the example set %s', (file) => {
    const paslon = loadPaslonFile(join(dir, `${file.split('.')[0]}.paslon.json`));
    const c = createClassifier({ vocabulary, paslon });
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const text = line.slice(line.indexOf('\t') + 1);
      expectSameOnBothPaths(c, text);
      if (c.classify(text).pilkada) pilkada++;
    }
  });
  it('ran on every example set of the project, and the sets reach the name, number and slogan rules', () => {
    expect(sets.length).toBeGreaterThan(5);
    expect(pilkada).toBeGreaterThan(50);
  });

  it('gives the same results on the benchmark\'s generated chat, in mixed case, with tags, emoji and URLs', () => {
    const rand = prng(11);
    const paslon = generatePaslon(rand);
    const c = createClassifier({ vocabulary, paslon });
    const lines = generateChat(rand, paslon, 150_000);
    const mixed = lines.slice(0, 400).map((l, i) => l.split(' ').map((w, k) => ((i + k) % 5 === 0 ? w.charAt(0) + w.slice(1).toUpperCase() : w)).join(' '));
    let hits = 0;
    for (const text of [...lines, ...mixed]) {
      expectSameOnBothPaths(c, text);
      if (c.classify(text).pilkada) hits++;
    }
    expect(hits).toBeGreaterThan(100);
  });
});

describe('word ids (the classifier keeps what it knows of a word by the id the tokeniser gives it)', () => {
  it('gives every word from the table of words seen one id, whatever its case, and -1 to tokens made outside it', () => {
    const tokens: string[] = [];
    const ids: number[] = [];
    tokenizeInto('Coblos COBLOS coblos KhofifahEmil nomor2 https://t.co/AbC Pilkada pilkada', { foldNames: true }, tokens, ids);
    expect(tokens).toEqual(['coblos', 'coblos', 'coblos', 'kofifah', 'emil', 'nomor', '2', 'pilkada', 'pilkada']);
    expect(ids).toHaveLength(tokens.length);
    const [c1, c2, c3, k, e, n, two, p1, p2] = ids as [number, number, number, number, number, number, number, number, number];
    expect(c1).toBeGreaterThanOrEqual(0);
    expect([c2, c3]).toEqual([c1, c1]);
    expect([k, e, n, two]).toEqual([-1, -1, -1, -1]); // camelCase and digits take the general path's functions
    expect(p2).toBe(p1);
    expect(p1).not.toBe(c1);
  });

  it('gives ids on no Unicode text (the general path), one -1 per token', () => {
    const tokens: string[] = [];
    const ids: number[] = [7];
    tokenizeInto('pémilu coblos', {}, tokens, ids);
    expect(tokens).toEqual(['pemilu', 'coblos']);
    expect(ids).toEqual([7, -1, -1]);
  });

  it('stays right when long words fill the table\'s letters before its slots (the table empties and numbers anew)', () => {
    const rand = prng(5);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const words = Array.from({ length: 12_000 }, () => Array.from({ length: 60 }, () => letters[Math.floor(rand() * 26)]).join(''));
    const text = words.join(' ');
    for (const mode of MODES) expect(tokenize(text, mode)).toEqual(tokenizeUncached(text, mode));
  });

  it('gives the classifier the same results before and after the tokeniser numbers its words anew', () => {
    const vocabulary = loadVocabulary();
    const rand = prng(21);
    const paslon = generatePaslon(rand);
    const c = createClassifier({ vocabulary, paslon });
    const lines = generateChat(rand, paslon, 40_000);
    const before = lines.map((l) => c.classify(l));
    expect(before.filter((r) => r.pilkada).length).toBeGreaterThan(20);
    // More distinct words than the table keeps: it empties, and the same words come back with other ids.
    tokenize(Array.from({ length: 40_000 }, (_, i) => `q${i.toString(36).replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)] as string)}z`).join(' '), { foldNames: true });
    expect(lines.map((l) => c.classify(l))).toEqual(before);
    for (const l of lines.slice(0, 200)) expectSameOnBothPaths(c, l);
  });
});
