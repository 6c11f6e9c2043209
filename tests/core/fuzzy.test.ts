import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createFuzzyIndex, editDistance as osa, MIN_FUZZY_LENGTH, withinOneEdit } from '../../src/core/text/fuzzy.js';
import { normalizeText } from '../../src/core/text/normalize.js';
import { loadPaslonFile, loadVocabulary } from '../../src/app/vocabulary.js';
import { createClassifier, PASLON_NAME } from '../../src/core/classifier.js';

// Property tests for the bounds of fuzzy name matching (issue 20, point 3): one edit at most, names of
// five letters or more only, never a known word.
const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz');
const word = (minLength: number, maxLength: number) => fc.string({ unit: letter, minLength, maxLength });

/** One edit of `s` at `at`: a letter deleted, inserted, replaced, or two neighbours swapped. */
const edit = fc.record({ kind: fc.constantFrom('delete', 'insert', 'replace', 'swap'), at: fc.nat(), c: letter });
function apply(s: string, e: { kind: string; at: number; c: string }): string {
  const i = e.at % s.length;
  switch (e.kind) {
    case 'delete': return s.slice(0, i) + s.slice(i + 1);
    case 'insert': return s.slice(0, i) + e.c + s.slice(i);
    case 'replace': return s.slice(0, i) + e.c + s.slice(i + 1);
    default: return i + 1 < s.length ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s;
  }
}

describe('withinOneEdit', () => {
  it('agrees with the optimal-string-alignment distance', () => {
    fc.assert(fc.property(word(0, 9), word(0, 9), (a, b) => withinOneEdit(a, b) === osa(a, b) <= 1), { numRuns: 3000 });
  });

  it('holds for every single edit of a word', () => {
    fc.assert(fc.property(word(1, 12), edit, (s, e) => withinOneEdit(apply(s, e), s)));
  });
});

describe('createFuzzyIndex', () => {
  const same = (a: string, b: string) => a === b;

  it('finds a name of five letters or more through any one edit, unless that makes a known word or another name', () => {
    fc.assert(fc.property(word(MIN_FUZZY_LENGTH, 12), edit, (name, e) => {
      const typo = apply(name, e);
      const index = createFuzzyIndex(new Map([[name, name]]), new Set(), same);
      const got = index.match(typo);
      if (typo === name || typo.length < MIN_FUZZY_LENGTH) return got === undefined;
      return got === name;
    }), { numRuns: 2000 });
  });

  it('never matches a name shorter than five letters', () => {
    fc.assert(fc.property(word(1, MIN_FUZZY_LENGTH - 1), edit, (name, e) => {
      const index = createFuzzyIndex(new Map([[name, name]]), new Set(), same);
      return index.match(apply(name, e)) === undefined;
    }), { numRuns: 2000 });
  });

  it('never matches a known word, however close to a name', () => {
    fc.assert(fc.property(word(MIN_FUZZY_LENGTH, 12), edit, (name, e) => {
      const typo = apply(name, e);
      const index = createFuzzyIndex(new Map([[name, name]]), new Set([typo]), same);
      return index.match(typo) === undefined;
    }), { numRuns: 2000 });
  });

  it('never matches a word two or more edits away', () => {
    fc.assert(fc.property(word(MIN_FUZZY_LENGTH, 10), word(3, 11), (name, token) => {
      fc.pre(osa(name, token) >= 2);
      return createFuzzyIndex(new Map([[name, name]]), new Set(), same).match(token) === undefined;
    }), { numRuns: 3000 });
  });

  it('gives nothing when the word is one edit from names of two different values', () => {
    const index = createFuzzyIndex(new Map([['hendar', 'A'], ['hendra', 'B']]), new Set(), same);
    expect(index.match('hendrak')).toBe('B'); // one edit from "hendra" only
    expect(index.match('hendr')).toBeUndefined(); // one edit from both
  });
});

describe('the classifier keeps the bounds', () => {
  const vocabulary = loadVocabulary('data/vocabulary.json');
  const jateng = createClassifier({ vocabulary, paslon: loadPaslonFile('tests/fixtures/classifier/jateng2024.paslon.json') });
  const names = (text: string) => jateng.findTerms(text).filter((t) => t.category === PASLON_NAME).map((t) => t.label);

  it('reads a name of five letters or more with one letter off, weakly alone', () => {
    expect(names('Lufthi')).toEqual(['Luthfi']);
    expect(jateng.classify('Lufthi').pilkada).toBe(false);
    expect(jateng.classify('Lufthi kampanye di Pati').pilkada).toBe(true);
    expect(jateng.classify('Ahmad Lufthi').terms).toEqual(['Ahmad Luthfi']);
  });

  it('never reads a common word or common name one letter off a name as that name', () => {
    // pribadi/Prihadi, hendra/Hendrar are one edit apart; both are known words.
    expect(names('data pribadi pegawai')).toEqual([]);
    expect(names('Hendra tolong cek surat')).toEqual([]);
  });

  it('never reads a word as a name of under five letters', () => {
    const file = { election: 'x', paslon: [{ number: 1, names: ['Rano Wiratmaja'], aliases: ['Rano'] }] };
    const c = createClassifier({ vocabulary, paslon: file });
    fc.assert(fc.property(edit, (e) => {
      const typo = apply('rano', e);
      // Spelling folds that were there before (a doubled letter: "rrano") are not fuzzy matching.
      return normalizeText(typo, { foldNames: true }) === 'rano' || c.findTerms(typo).every((t) => t.category !== PASLON_NAME);
    }), { numRuns: 300 });
  });
});

describe('editDistance (the optimal string alignment distance the command runner suggests by)', () => {
  it('counts a deletion, an insertion, a replacement and a swap of neighbours as one edit each', () => {
    expect(editDistanceCases.map(([a, b]) => osa(a, b))).toEqual(editDistanceCases.map(([, , d]) => d));
  });
});
const editDistanceCases: [string, string, number][] = [
  ['status', 'status', 0], ['stauts', 'status', 1], ['statu', 'status', 1], ['statuss', 'status', 1], ['staxus', 'status', 1],
  ['laporn', 'laporan', 1], ['laporn', 'lapor', 1], ['kasus', 'status', 3], ['', 'bukti', 5], ['ca', 'abc', 3],
];
