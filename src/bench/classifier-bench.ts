/**
 * Classifier throughput on one core with a large paslon file (5,000 aliases),
 * over several MB of generated chat text. Every group message passes through
 * the classifier, so it must stay well above chat volume (target >= 20 MB/s).
 * Run alone with `node --import tsx src/bench/classifier-bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { loadVocabulary } from '../app/vocabulary.js';
import { createClassifier, type PaslonFile } from '../core/classifier.js';

const ALIASES = 5_000;
const TEXT_BYTES = 8_000_000;

/** Builds a classifier with 5,000 generated aliases and measures MB/s of chat text classified. */
export async function benchClassifier(): Promise<{ mbPerSec: number; aliases: number }> {
  const rand = prng(42);
  const paslon = generatePaslon(rand);
  const classifier = createClassifier({ vocabulary: loadVocabulary(), paslon });
  const lines = generateChat(rand, paslon);
  const bytes = lines.reduce((n, l) => n + Buffer.byteLength(l), 0);
  for (const line of lines.slice(0, 20_000)) classifier.classify(line); // warm-up
  const start = process.hrtime.bigint();
  let hits = 0;
  for (const line of lines) if (classifier.classify(line).pilkada) hits++;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (hits === 0) throw new Error('benchmark text produced no Pilkada hits; the generator is broken');
  return { mbPerSec: Math.round((bytes / 1e6 / seconds) * 10) / 10, aliases: ALIASES };
}

type Rand = () => number;

/** Deterministic PRNG (mulberry32) so runs are comparable. */
function prng(seed: number): Rand {
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
function generatePaslon(rand: Rand): PaslonFile {
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
function generateChat(rand: Rand, paslon: PaslonFile): string[] {
  const lines: string[] = [];
  for (let bytes = 0; bytes < TEXT_BYTES;) {
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchClassifier());
}
