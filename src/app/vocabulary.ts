/**
 * Loads the classifier's data files (generic vocabulary, local paslon file)
 * and validates them, so a typo in a deployment's JSON stops start-up with a
 * message naming the file and the field instead of silently weakening detection.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { PaslonFile, Vocabulary } from '../core/classifier.js';

const weight = z.number().min(0).max(10);
const phrases = z.array(z.string().min(1));

const vocabularySchema = z.object({
  threshold: z.number().positive(),
  terms: z.record(z.string(), z.record(z.string().min(1), weight)),
  numberPatterns: z.record(z.string().refine((p) => p.includes('{n}') || p.includes('{0n}'), { message: 'pattern must contain {n} or {0n}' }), weight),
  numberGuards: z.object({ before: phrases, after: phrases, ordinal: phrases.optional(), places: phrases.optional() }).optional(),
  numberSubject: z.object({ openers: phrases, talk: phrases }).optional(),
  numberWords: z.record(z.string().regex(/^[1-9]$/, { message: 'a ballot number from 1 to 9' }), phrases).optional(),
  /** Voting-day phrases by the year of the simultaneous Pilkada ("2024": {"27 november": 0.4}). */
  voteDays: z.record(z.string().regex(/^\d{4}$/, { message: 'a year' }), z.record(z.string().min(1), weight)).optional(),
  /** The national election's voting day by the year of the simultaneous Pilkada ("2024": ["14 februari"]). */
  nationalVoteDays: z.record(z.string().regex(/^\d{4}$/, { message: 'a year' }), phrases).optional(),
  partyPatterns: z.record(z.string().includes('{party}', { message: 'pattern must contain {party}' }), weight).optional(),
  commonWords: phrases.optional(),
  /** A word list beside the vocabulary file (one word per line, `#` comments): the language's dictionary words. */
  dictionaryFile: z.string().min(1).optional(),
  defaultPaslonNumbers: z.array(z.number().int().positive()),
  names: z.object({ full: weight, distinctive: weight, common: weight, pair: weight, surname: weight.optional(), derived: weight.optional() }),
  honorifics: phrases,
  namedHonorifics: phrases.optional(),
  writtenHonorifics: phrases.optional(),
  commonNames: phrases,
  groupPrefixes: phrases,
  slogans: z.record(
    z.string().refine((p) => (p.startsWith('{name}') || p.endsWith('{name}')) && p.split('{name}').length === 2 && p.trim() !== '{name}', {
      message: 'slogan must hold {name} once, at its start or end, beside other words',
    }),
    weight,
  ).optional(),
  namedAfter: phrases.optional(),
  particleNamedAfter: z.object({ words: phrases, thingBefore: phrases }).optional(),
  otherElections: phrases.optional(),
  electionLevels: z.record(z.string(), z.object({ wide: z.boolean().optional(), events: phrases, units: phrases, roles: phrases.optional() })).optional(),
  otherRegions: z.object({ events: phrases, regions: z.array(phrases.min(1)) }).optional(),
  writersKin: z.object({ kin: phrases, owners: phrases, clitics: phrases, between: phrases.optional() }).optional(),
  voterBrings: z.object({ places: phrases, things: phrases, weight }).optional(),
  servantCampaign: z.object({ servants: phrases, acts: phrases, joins: phrases }).optional(),
  nationalElections: phrases.optional(),
  unpairedElections: phrases.optional(),
  unpairedCandidates: phrases.optional(),
  nationalFigures: phrases.optional(),
  foreignElections: z.object({ elections: phrases, countries: phrases }).optional(),
  personAfter: phrases.optional(),
  personBefore: phrases.optional(),
  everydayAfter: phrases.optional(),
  personalLife: z.object({ after: phrases.optional(), before: phrases.optional(), kin: phrases.optional(), addressed: phrases.optional() }).optional(),
  tallies: z.object({ between: phrases, units: phrases }).optional(),
  thingAfter: phrases.optional(),
  workplaceAfter: z.object({ links: phrases, units: phrases }).optional(),
  scriptureWords: phrases.optional(),
  scriptureBooks: z.object({ links: phrases, books: phrases }).optional(),
  plainActs: z.object({ terms: phrases, things: phrases }).optional(),
  skippedDuties: z.object({ terms: phrases, duties: phrases }).optional(),
  countResults: z.object({ terms: phrases, results: phrases }).optional(),
  phoneTalk: phrases.optional(),
  queues: z.object({ terms: phrases, after: phrases }).optional(),
  otherSense: z.object({ terms: z.record(z.string().min(1), weight), words: phrases }).optional(),
  votedOffice: z.object({ verbs: phrases, gaps: phrases, whoever: phrases.optional() }).optional(),
  ballotCalls: z.object({ verbs: phrases, contests: phrases }).optional(),
  boughtVote: z.object({ links: phrases, givers: phrases, things: phrases, receivers: phrases.optional(), from: phrases.optional() }).optional(),
  emptyBox: z.object({ names: phrases, talk: phrases, weight }).optional(),
  otherOffices: phrases.optional(),
  officesAfter: phrases.optional(),
  preaching: z.object({ honorifics: phrases, acts: phrases }).optional(),
  relativeWords: phrases.optional(),
  numberActs: phrases.optional(),
  workVerbs: phrases.optional(),
  nameActs: z.object({ acts: phrases, causes: phrases }).optional(),
  officialPosts: z.object({
    titles: phrases,
    activities: phrases,
    appeals: phrases.optional(),
    roleWords: phrases.optional(),
    aimedOffices: z.object({ aims: phrases, becoming: phrases }).optional(),
    formerWords: phrases.optional(),
    actingWords: phrases.optional(),
    documentWords: phrases.optional(),
    officeBusiness: phrases.optional(),
    officeWorks: phrases.optional(),
    regionAwards: z.object({ awards: phrases, units: phrases }).optional(),
    partyOffices: z.object({ titles: phrases, units: phrases }).optional(),
    anniversaries: phrases.optional(),
    campaignSignals: z.record(z.string(), weight),
  }).optional(),
});

const paslonSchema = z.object({
  election: z.string().min(1),
  paslon: z.array(z.object({
    number: z.number().int().positive().optional(),
    names: z.array(z.string().min(1)).min(1),
    aliases: phrases.optional(),
  })).min(1),
}).refine((f) => new Set(f.paslon.map((p) => p.number)).size === f.paslon.length, {
  message: 'paslon numbers must be unique',
  path: ['paslon'],
}).refine((f) => f.paslon.length === 1 || f.paslon.every((p) => p.number !== undefined), {
  // A single pair against the empty box draws no ballot number; where two pairs or more run, each has one.
  message: 'every pair needs its number where more than one pair runs',
  path: ['paslon'],
}).transform((f): PaslonFile => ({ ...f, paslon: f.paslon.map(({ number, ...p }) => (number === undefined ? { ...p, number: 1, unnumbered: true } : { ...p, number })) }));

/** Names of the two data files in each language, for error messages. */
const WHAT = {
  vocabulary: { id: 'file kosakata', en: 'vocabulary' },
  paslon: { id: 'file paslon', en: 'paslon file' },
} as const;

/** Reads and validates the generic Pilkada vocabulary. */
export function loadVocabulary(path = 'data/vocabulary.json', lang: Lang = 'en'): Vocabulary {
  const { dictionaryFile, ...vocabulary } = loadJson(path, WHAT.vocabulary[lang], vocabularySchema, lang);
  return dictionaryFile ? { ...vocabulary, dictionaryWords: readWordList(join(dirname(path), dictionaryFile), lang) } : vocabulary;
}

/** A word list: one word per line, blank lines and `#` comments skipped, folded to lower case. */
function readWordList(path: string, lang: Lang): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? (lang === 'id' ? 'file tidak ada' : 'no such file') : e.message;
    throw new Error(lang === 'id' ? `Tidak dapat membaca daftar kata ${path}: ${why}` : `Cannot read word list ${path}: ${why}`);
  }
  return text.split('\n').map((l) => l.trim().toLowerCase()).filter((l) => l !== '' && !l.startsWith('#'));
}

/** Reads and validates a deployment's paslon file (PASLON_FILE, `classify --paslon`). */
export function loadPaslonFile(path: string, lang: Lang = 'en'): PaslonFile {
  return loadJson(path, WHAT.paslon[lang], paslonSchema, lang);
}

/** Every problem of the vocabulary file at `path`, as one line each (empty when it loads). Used by config validation. */
export function vocabularyProblems(path: string, lang: Lang): string[] {
  return problemsOf(() => loadVocabulary(path, lang));
}

/** Every problem of the paslon file at `path`, as one line each (empty when it loads). Used by config validation. */
export function paslonProblems(path: string, lang: Lang): string[] {
  return problemsOf(() => loadPaslonFile(path, lang));
}

type Lang = 'id' | 'en';

function problemsOf(load: () => unknown): string[] {
  try {
    load();
    return [];
  } catch (err) {
    return [(err as Error).message];
  }
}

function loadJson<T>(path: string, what: string, schema: z.ZodType<T>, lang: Lang): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? (lang === 'id' ? 'file tidak ada' : 'no such file') : e instanceof SyntaxError ? `${lang === 'id' ? 'bukan JSON yang sah' : 'not valid JSON'} (${e.message})` : e.message;
    throw new Error(lang === 'id' ? `Tidak dapat membaca ${what} ${path}: ${why}` : `Cannot read ${what} ${path}: ${why}`);
  }
  const parsed = schema.safeParse(raw, lang === 'id' ? { error: z.locales.id().localeError } : undefined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(lang === 'id' ? `${what[0]!.toUpperCase()}${what.slice(1)} ${path} tidak valid: ${problems.join('; ')}` : `Invalid ${what} ${path}: ${problems.join('; ')}`);
  }
  return parsed.data;
}
