/**
 * Issue 20 point 2: initials derived from a paslon file's `names` ("Dedi Mulyadi" -> DM) are weak
 * and count only in capitals, so they never make a post Pilkada content alone, whatever the
 * ordinary words and short capital tokens around them.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadPaslonFile, loadVocabulary } from '../../src/app/vocabulary.js';
import { createClassifier, PASLON_NAME, type PaslonFile } from '../../src/core/classifier.js';
import { tokenize } from '../../src/core/text/normalize.js';

const vocabulary = loadVocabulary('data/vocabulary.json');
const bantenFile = loadPaslonFile('tests/fixtures/classifier/banten2024.paslon.json');
const jabarFile = loadPaslonFile('tests/fixtures/classifier/jabar2024.paslon.json');
const banten = createClassifier({ vocabulary, paslon: bantenFile });
const jabar = createClassifier({ vocabulary, paslon: jabarFile });
/** Every word of the candidates' names and aliases, as typed and as folded: "JEJE" is Jeje Wiradinata himself, no random capital token. */
const nameWords = new Set([bantenFile, jabarFile].flatMap((f) => f.paslon.flatMap((p) => [...p.names, ...(p.aliases ?? [])]))
  .flatMap((n) => [...tokenize(n), ...tokenize(n, { foldNames: true })]));
/** Vocabulary phrases as the classifier reads them ("ppk" folds to "pk"). */
const vocabularyTerms = new Set(Object.values(vocabulary.terms).flatMap((t) => Object.keys(t)).flatMap((p) => [p, tokenize(p, { foldNames: true }).join(' ')]));
/** Derived initials are the name terms whose label is capitals only, one label per paslon ("AS/IAH"). */
const initialsIn = (c: typeof banten, text: string) => c.findTerms(text).filter((t) => t.category === PASLON_NAME && /^[A-Z/]+$/.test(t.label) && !t.pair);

describe('initials derived from names', () => {
  it('are read from names the deployer never listed as aliases, in capitals', () => {
    expect(initialsIn(banten, 'ARD nomor 1 fix menang').map((t) => [t.label, t.paslon])).toEqual([['ARD', 1]]);
    expect(initialsIn(jabar, 'pak AS nomor 3').map((t) => [t.label, t.paslon])).toEqual([['AS/IAH', 3]]);
    expect(initialsIn(jabar, 'duet DM-ES').map((t) => [t.label, t.paslon])).toEqual([['DM/ES', 4]]); // one weak name, not two
  });

  it('count with support: a ballot number, election talk', () => {
    expect(banten.classify('ARD nomor 1 fix menang').pilkada).toBe(true);
    expect(jabar.classify('DM-ES menang pilgub').pilkada).toBe(true);
  });

  it('are weak alone, nothing in lower case, nothing in a message all in capitals', () => {
    expect(banten.classify('ARD fix menang').pilkada).toBe(false);
    expect(jabar.classify('cek DM ya kak').pilkada).toBe(false);
    expect(jabar.classify('Kurs dolar AS naik lagi').pilkada).toBe(false);
    expect(jabar.classify('duet DM-ES kuat banget').pilkada).toBe(false); // two weak initials of one paslon
    expect(initialsIn(banten, 'ard nomor 1')).toEqual([]);
    expect(initialsIn(jabar, 'cek dm ya, as usual')).toEqual([]);
    expect(initialsIn(banten, 'ARD NOMOR SATU')).toEqual([]);
  });

  it('add to no other weak name: a short form after a title and initials are two guesses, not a name', () => {
    // The property's counterexample: "SH" (a title), "JEJ" the start of Jeje (derived, weak) and "RS" his pair's initials.
    expect(jabar.classify('SH JEJ RS AA ok')).toMatchObject({ pilkada: false, score: 0.6 });
    expect(jabar.classify('pak Ded ES ok').pilkada).toBe(false); // Dedi's start, Erwan Setiawan's initials
    expect(jabar.classify('pak Jej nomor 2').pilkada).toBe(true); // the short form still counts with its ballot number
    expect(banten.classify('ARD fix menang').score).toBe(0.6); // initials alone weigh what they weigh
    // Another counterexample ("YANI" folds as "janji" does): a weak slogan on one paslon's initials adds nothing to another's.
    expect(jabar.classify('DM YANI GDN ok')).toMatchObject({ pilkada: false, score: 0.9 });
  });

  it('are left out when two paslon share them or an alias already is them', () => {
    const file: PaslonFile = {
      election: 'Pilbup Contoh',
      paslon: [
        { number: 1, names: ['Budi Santoso', 'Kurnia Dewi'], aliases: ['KD'] },
        { number: 2, names: ['Bambang Setiadi', 'Teguh Wibowo'] },
      ],
    };
    const c = createClassifier({ vocabulary, paslon: file });
    expect(initialsIn(c, 'BS nomor 1')).toEqual([]); // Budi Santoso and Bambang Setiadi
    expect(c.findTerms('KD ok').map((t) => t.label)).toEqual(['KD']); // the listed alias, not a derived twin
    expect(initialsIn(c, 'TW nomor 2').map((t) => [t.label, t.paslon])).toEqual([['TW', 2]]);
  });
});

// Ordinary words with no election meaning, and the short capital tokens chat is full of.
const ordinary = fc.constantFrom(
  'rapat', 'besok', 'kantor', 'laporan', 'tolong', 'kirim', 'cek', 'ya', 'kak', 'harga', 'naik', 'hari', 'ini', 'sudah',
  'belum', 'makan', 'siang', 'di', 'ke', 'dari', 'dan', 'mau', 'bisa', 'nanti', 'aja', 'dong', 'sih', 'wkwk', 'kurs',
  'dolar', 'video', 'musik', 'jalan', 'macet', 'as', 'dm', 'es', 'teler', 'ard', 'rs', 'jw', 'usual',
);
const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
/** Capital tokens that are no vocabulary word ("TPS", "KPU" are election talk, the support itself). */
const vocabularyWords = new Set([...vocabularyTerms].flatMap((t) => t.split(/\s+/)));
const capitals = fc.string({ unit: letter, minLength: 2, maxLength: 4 }).filter((w) => !vocabularyWords.has(w.toLowerCase()) && !vocabularyWords.has(tokenize(w, { foldNames: true }).join(' '))
  && !nameWords.has(w.toLowerCase()) && !nameWords.has(tokenize(w, { foldNames: true }).join(' ')));
/** Every paslon file's own initials, the likeliest capital tokens to collide. */
const ownInitials = fc.constantFrom('DM', 'ES', 'AS', 'AAR', 'GDN', 'JW', 'RS', 'IAH', 'ARD', 'ADN', 'AS');

describe('initials never fire without support (property)', () => {
  it.each([['jabar', jabar], ['banten', banten]] as const)('%s: ordinary words and short capital tokens stay out', (_name, c) => {
    fc.assert(fc.property(
      fc.array(fc.oneof(ordinary, capitals, ownInitials), { minLength: 1, maxLength: 12 }),
      (words) => {
        const text = words.join(' ');
        // A lower-case letter somewhere keeps the capitals meaningful, as in real chat.
        expect(c.classify(`${text} ok`).pilkada).toBe(false);
      },
    ), { numRuns: 500 });
  });

  it('a name of two to four parts gives its initials, other names none', () => {
    // First letters that spelling folds leave alone (not h, j, y, e), none the same as the one before.
    const initial = fc.constantFrom(...'BCDFGKLMNPRSTW');
    const rest = fc.constantFrom('aranto', 'ilino', 'umaswati', 'irgana', 'usnowo', 'ampurna');
    const name = fc.array(fc.tuple(initial, rest).map(([a, b]) => a + b), { minLength: 1, maxLength: 6 })
      .filter((ps) => ps.every((p, i) => i === 0 || p.charAt(0) !== ps[i - 1]?.charAt(0)));
    const initialsOf = (ps: string[]) => ps.map((p) => p.charAt(0)).join('');
    // Twenty to thirty candidates to a paslon file, each a name with initials of its own (two paslon sharing initials
    // lose them: the test above), so a classifier is built per file, not per name: building one reads the whole
    // vocabulary (50-200 ms on a loaded machine), finding a name's terms about 1 ms. Each name is checked as before (and
    // its initials name its own paslon), about as many names in all (about 200, one to six parts each).
    const file = fc.uniqueArray(name, { minLength: 20, maxLength: 30, selector: initialsOf });
    fc.assert(fc.property(file, (names) => {
      const cases = names.map((ps) => ({ ps, key: initialsOf(ps) })).filter(({ key }) =>
        !vocabularyTerms.has(key.toLowerCase()) // "KPU", "TPS", "PK" (ppk): the vocabulary's own term wins
        && !(vocabulary.commonWords ?? []).includes(key.toLowerCase())); // "SK", "KK": everyday abbreviations are no one's initials
      fc.pre(cases.length > 0);
      const c = createClassifier({ vocabulary, paslon: { election: 'X', paslon: cases.map(({ ps }, i) => ({ number: i + 1, names: [ps.join(' ')] })) } });
      cases.forEach(({ ps, key }, i) => {
        const derived = initialsIn(c, `${key} ok`).filter((t) => t.label === key);
        expect(derived.map((t) => t.paslon)).toEqual(ps.length >= 2 && ps.length <= 4 ? [i + 1] : []);
        expect(initialsIn(c, `${key.toLowerCase()} ok`)).toEqual([]);
      });
    }), { numRuns: 9 });
  });
});
