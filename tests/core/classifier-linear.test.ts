/**
 * Hostile input: a text repeating one two-sided name (an acronym alias such as "ASLI", a dictionary-word name such
 * as "Bando") thousands of times. Whether the text writes that name as a name, and not only in a run of shouting,
 * takes a scan of the whole text (writtenAsName, hasCapitals, isShoutedAmong in src/core/classifier.ts); asked once
 * per place the name was found, that was n scans of n places: 60 s for "ASLI ENAK" 16,000 times. So did an English
 * possessive after a name, a chapter and verse after one, an election word's unknown place, a chat-word
 * honorific written as a title, a voter's things beside a voting place, and the office's own business after a bare name
 * and an activity ("X hadiri ...": 5.6 s for "X Penghargaan Kota" 16,000 times). A call after another election told of
 * as over (pastElectionCall) read from each election named to the end of the text: 11 s for "pilpres udah " 16,000 times;
 * it now reads a few words on from each. Each answer is now kept per text (textFact). These tests count those scans and the places they visit (textScanWork), not time:
 * four times the repeats must cost the same few scans and about four times the places, not sixteen.
 */
import { describe, expect, it } from 'vitest';
import { loadPaslonFile, loadVocabulary } from '../../src/app/vocabulary.js';
import { textScanWork, createClassifier } from '../../src/core/classifier.js';

const vocabulary = loadVocabulary();
const batam = createClassifier({ vocabulary, paslon: loadPaslonFile('tests/fixtures/classifier/batam2024.paslon.json') });
const jatim = createClassifier({ vocabulary, paslon: loadPaslonFile('data/paslon.jatim2024.json') });
const makassar = createClassifier({ vocabulary, paslon: loadPaslonFile('tests/fixtures/classifier/makassar2024.paslon.json') });

/** Whole-text scans made, and places they visit, while classifying `text`. */
function workFor(classify: (t: string) => unknown, text: string): { scans: number; places: number } {
  const { scans, places } = textScanWork;
  classify(text);
  return { scans: textScanWork.scans - scans, places: textScanWork.places - places };
}

const CASES = [
  // An acronym alias shouted beside a dictionary word at every place, in a text with lower case: every place asks.
  { what: 'an acronym alias shouted at every place', classifier: batam, text: (n: number) => `ya ${Array(n).fill('ASLI ENAK').join(' ')}` },
  { what: 'an acronym alias shouted, comma between', classifier: makassar, text: (n: number) => `ya ${Array(n).fill('AMAN BANGET').join(', ')}` },
  // A dictionary-word name written as a name every time.
  { what: 'a dictionary-word name written as a name', classifier: makassar, text: (n: number) => `ya ${Array(n).fill('Bando').join(' ')}` },
  // The same name in lower case n times and capitalised once, at the end: each scan walks to the end.
  { what: 'a dictionary-word name in lower case, capitalised last', classifier: makassar, text: (n: number) => `${Array(n).fill('bando').join(' ')} Bando` },
  // A name before a lone "s" (an English possessive is looked for in the whole text).
  { what: 'a name before a lone "s"', classifier: jatim, text: (n: number) => Array(n).fill('Khofifah s').join(' ') },
  // A name before two numbers (a chapter and verse is looked for in the whole text).
  { what: 'a name before two numbers', classifier: jatim, text: (n: number) => Array(n).fill('Bu Risma 2 3').join(' ') },
  // An election word before an unknown place (every place the election word is written is read).
  { what: 'an election word before an unknown place', classifier: jatim, text: (n: number) => Array(n).fill('pilkada kampar').join(' ') },
  // A voting place (every token of the text is searched for what a voter brings there).
  { what: 'a voting place', classifier: jatim, text: (n: number) => Array(n).fill('ke TPS').join(' ') },
  // A name after an honorific that is also a chat word ("hm": the text must write "HM" as a whole word).
  { what: 'a name after a chat-word honorific', classifier: makassar, text: (n: number) => Array(n).fill('hm bando').join(' ') },
  // A bare name before an activity (the text is searched for the office's own business: "X hadiri rakor").
  { what: 'a bare name before an activity', classifier: jatim, text: (n: number) => Array(n).fill('Khofifah hadiri').join(' ') },
  // Another election told of as over, with no call after it (pastElectionCall reads a few words on from each, not the rest of the text).
  { what: 'another election told of as over', classifier: jatim, text: (n: number) => Array(n).fill('pilpres udah sekarang').join(' ') },
  { what: 'another election of a day gone, a report after it', classifier: jatim, text: (n: number) => Array(n).fill('pilkades kemarin, pilih nomor 2 menang.').join(' ') },
];

describe('whole-text scans asked per match run once per text, not once per place (textScanWork)', () => {
  for (const c of CASES) {
    it(c.what, () => {
      const classify = (t: string) => c.classifier.classify(t);
      const small = workFor(classify, c.text(500));
      const large = workFor(classify, c.text(2000));
      // The scans did run (so the count can tell), a few per text whatever the repeats (one per place before: 500 and 2,000).
      expect(small.scans).toBeGreaterThanOrEqual(1);
      expect(small.scans).toBeLessThanOrEqual(6);
      expect(large.scans).toBe(small.scans);
      // Linear: 4x the repeats, at most about 4x the places visited (quadratic would be about 16x).
      expect(large.places).toBeLessThanOrEqual(4.5 * Math.max(small.places, 1));
    });
  }

  it('keeps the verdict of a name shouted in one place and written as a name in another', () => {
    // The first place is a run of shouting; the second writes ASLI as a name. The answer is the text's, per form.
    const shoutedThenNamed = batam.classify('ASLI ENAK banget, pokoknya dukung ASLI');
    const shoutedOnly = batam.classify('ASLI ENAK banget, pokoknya dukung yang ASLI ENAK');
    expect(shoutedThenNamed.score).toBeGreaterThan(shoutedOnly.score);
  });
});
