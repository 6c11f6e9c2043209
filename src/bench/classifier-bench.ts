/**
 * Classifier throughput on one core with a large paslon file (5,000 aliases),
 * over several MB of generated chat text. Every group message passes through
 * the classifier, so it must stay well above chat volume (target >= 20 MB/s).
 * Its peer, timed on the same lines in the same run: one plain V8 RegExp
 * alternation of the same aliases, name parts and every vocabulary phrase
 * (keyword-baseline.ts), finding every keyword of each line as the classifier
 * finds every term (it then only says whether any occurred). The ratio
 * does not depend on the machine; target: the classifier at least as fast.
 * Run alone with `node --import tsx src/bench/classifier-bench.ts [MB]`.
 */
import { pathToFileURL } from 'node:url';
import { loadVocabulary } from '../app/vocabulary.js';
import { createClassifier, type PaslonFile } from '../core/classifier.js';
import { baselineKeywords, baselineRegExp } from './keyword-baseline.js';

const ALIASES = 5_000;
const TEXT_BYTES = 8_000_000;

/**
 * Rounds of each measurement, alternated and taking turns at going first (so
 * neither always pays for the other's garbage); the median of each is kept
 * (shared machines are noisy), and the ratio is that of the medians.
 */
const ROUNDS = 5;

/**
 * Builds a classifier with 5,000 generated aliases and measures MB/s of chat text classified,
 * and MB/s of the RegExp peer over the same lines; `ratio` is classifier / regex.
 */
export async function benchClassifier(textBytes = TEXT_BYTES): Promise<{ mbPerSec: number; regexMbPerSec: number; ratio: number; aliases: number; rounds: number }> {
  const rand = prng(42);
  const paslon = generatePaslon(rand);
  const vocabulary = loadVocabulary();
  const classifier = createClassifier({ vocabulary, paslon });
  const regex = baselineRegExp(baselineKeywords(vocabulary, paslon, { everyTerm: true }), 'g');
  const lines = generateChat(rand, paslon, textBytes);
  const bytes = lines.reduce((n, l) => n + Buffer.byteLength(l), 0);
  const rate = (run: () => number): number => {
    const start = process.hrtime.bigint();
    const hits = run();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (hits === 0) throw new Error('benchmark text produced no Pilkada hits; the generator is broken');
    return bytes / 1e6 / seconds;
  };
  const classify = (): number => { let hits = 0; for (const line of lines) if (classifier.classify(line).pilkada) hits++; return hits; };
  // Like the classifier, which scores every term of a line, the peer finds every keyword, not only the first.
  const match = (): number => {
    let hits = 0;
    for (const line of lines) {
      let found = 0;
      regex.lastIndex = 0;
      while (regex.exec(line)) found++;
      if (found > 0) hits++;
    }
    return hits;
  };
  // Warm-up: both run over the whole corpus once, so both are optimised and the classifier's word caches filled.
  classify();
  match();
  const classifierRates: number[] = [];
  const regexRates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) { classifierRates.push(rate(classify)); regexRates.push(rate(match)); }
    else { regexRates.push(rate(match)); classifierRates.push(rate(classify)); }
  }
  const mbPerSec = median(classifierRates);
  const regexMbPerSec = median(regexRates);
  const round = (x: number): number => Math.round(x * 10) / 10;
  return { mbPerSec: round(mbPerSec), regexMbPerSec: round(regexMbPerSec), ratio: Math.round((mbPerSec / regexMbPerSec) * 100) / 100, aliases: ALIASES, rounds: ROUNDS };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

type Rand = () => number;

/** Deterministic PRNG (mulberry32) so runs are comparable. */
export function prng(seed: number): Rand {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const SYLLABLES = ['ka', 'ri', 'mu', 'so', 'de', 'wi', 'ha', 'na', 'tu', 'lo', 'pra', 'sut', 'yan', 'dar', 'mi', 'gi', 'ro', 'sa'];
const name = (rand: Rand): string => {
  const word = Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(rand, SYLLABLES)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
};

/** 1,000 paslon with two candidates and five aliases each (nicknames, pair names, hashtags). */
export function generatePaslon(rand: Rand): PaslonFile {
  const paslon = Array.from({ length: ALIASES / 5 }, (_, i) => {
    const [a, b, c, d] = [name(rand), name(rand), name(rand), name(rand)];
    return {
      number: i + 1,
      names: [`${a} ${b}`, `${c} ${d}`],
      aliases: [`Bu ${a}`, `${a}-${c}`, `#${a}${c}Menang`, `Sahabat ${c}`, `${a}${b}`.toUpperCase().slice(0, 5)],
    };
  });
  return { election: 'Benchmark', paslon };
}

const CHAT = [
  'assalamualaikum', 'bapak', 'ibu', 'rapat', 'jam', 'besok', 'pagi', 'kantor', 'dinas', 'mohon', 'hadir', 'tepat',
  'waktu', 'terima', 'kasih', 'siap', 'laksanakan', 'info', 'absen', 'apel', 'senin', 'laporan', 'anggaran', 'wkwk',
  'mantap', 'oke', 'ya', 'nggak', 'sudah', 'belum', 'kirim', 'file', 'surat', 'edaran', 'grup', 'foto', 'kegiatan',
  'kampanye', 'relawan', 'debat', 'nomor', 'urut', 'gubernur', 'bupati', 'warga', 'desa', 'jalan', 'rusak', 'banjir',
];
const EXTRAS = ['🙏', '👍🔥', '!!!', '...', 'https://t.co/AbC123xyz', '2024', 'RT 05', '#InfoDinas', '@budi'];

/** About 8 MB of chat lines: office chatter, ambiguous words, and now and then a candidate. */
export function generateChat(rand: Rand, paslon: PaslonFile, textBytes: number): string[] {
  const lines: string[] = [];
  for (let bytes = 0; bytes < textBytes;) {
    const words = Array.from({ length: 6 + Math.floor(rand() * 30) }, () => pick(rand, CHAT));
    if (rand() < 0.3) words.push(pick(rand, EXTRAS));
    if (rand() < 0.1) words.splice(Math.floor(rand() * words.length), 0, pick(rand, pick(rand, paslon.paslon).aliases ?? []));
    if (rand() < 0.05) words.push('coblos', `nomor ${1 + Math.floor(rand() * 5)}`);
    const line = words.join(' ');
    lines.push(rand() < 0.2 ? line.toUpperCase() : line);
    bytes += line.length;
  }
  return lines;
}

/**
 * Hostile input for {@link benchHostile}: two-sided names (an acronym alias, a dictionary-word name; after a
 * chat-word honorific, before a lone "s", before two numbers), a ballot number, a vocabulary term, a pair alias,
 * an @handle, a hashtag, an election word (alone and before an unknown place), a voting place and a kin word.
 */
const HOSTILE_PASLON: PaslonFile = {
  election: 'Pilwalkot Benchmark 2024',
  paslon: [
    { number: 1, names: ['Amsakar Achmad', 'Li Claudia Chandra'], aliases: ['Amsakar-Li Claudia', 'ASLI'] },
    { number: 2, names: ['Amri Arsyid', 'Abdul Rahman Bando'], aliases: ['Amri-Rahman', 'AMAN'] },
  ],
};
const HOSTILE_UNITS = [
  'ASLI ENAK', 'AMAN BANGET', 'Bando', 'bando', 'hm bando', 'Bando s', 'Bu Bando 2 3', 'nomor 2', 'coblos', 'Amsakar-Li Claudia', '@bando', '#AsliMenang',
  'pilkada', 'pilkada kampar', 'ke TPS', 'bapak',
];
const HOSTILE_SEPARATORS = [' ', '. '];
const HOSTILE_SMALL = 1_000;
const HOSTILE_LARGE = 16_000;

/**
 * µs per KB of text repeating one unit (each of {@link HOSTILE_UNITS}, spaces or full stops between) 1,000 and
 * 16,000 times, after "ya " (so the text has lower case): the classifier must stay linear in the text, so the
 * ratio large / small stays near 1 (a rule that rescans the text per match makes it about 16). Best of 3 rounds per text.
 */
export function benchHostile(): { smallUsPerKb: number; largeUsPerKb: number; ratio: number } {
  const classifier = createClassifier({ vocabulary: loadVocabulary(), paslon: HOSTILE_PASLON });
  const usPerKb = (n: number): number => {
    let us = 0;
    let bytes = 0;
    for (const unit of HOSTILE_UNITS) for (const sep of HOSTILE_SEPARATORS) {
      const text = `ya ${Array(n).fill(unit).join(sep)}`;
      let best = Infinity;
      for (let r = 0; r < 3; r++) {
        const start = process.hrtime.bigint();
        classifier.classify(text);
        best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e3);
      }
      us += best;
      bytes += Buffer.byteLength(text);
    }
    return us / (bytes / 1024);
  };
  usPerKb(HOSTILE_SMALL); // warm-up
  const small = usPerKb(HOSTILE_SMALL);
  const large = usPerKb(HOSTILE_LARGE);
  const round = (x: number): number => Math.round(x * 100) / 100;
  return { smallUsPerKb: round(small), largeUsPerKb: round(large), ratio: round(large / small) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const mb = Number(process.argv[2]);
  console.log(await benchClassifier(Number.isFinite(mb) && mb > 0 ? mb * 1e6 : TEXT_BYTES));
  console.log(benchHostile());
}
