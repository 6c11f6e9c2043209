/**
 * NIP (Nomor Induk Pegawai) validation. A PNS NIP is birth date YYYYMMDD +
 * first appointment YYYYMM + sex digit + 3-digit sequence. A PPPK "NI" has the
 * same shape except that the month slot holds a contract code (21, 22, ... 24
 * for part-time), so it carries only the appointment year. Pure: no I/O.
 */
import type { Nip } from './ids.js';
import { parseTexts, type NipProblem } from './messages/parse.js';

/** What a valid NIP says about its holder; `appointed` is `YYYY-MM` (PNS) or `YYYY` (PPPK). */
export type NipInfo = {
  ok: true;
  nip: Nip;
  birthDate: string;
  appointed: string;
  sex: 'L' | 'P';
  employment: 'PNS' | 'PPPK';
};
/** Result of parsing a typed NIP: its parts, or why it was refused (`problem`, to word in any language with `parseTexts`; `reason` is its English text). */
export type NipParse = NipInfo | { ok: false; problem: NipProblem; reason: string };
export type { NipProblem } from './messages/parse.js';

/** Oldest birth year accepted: anyone older has long retired. */
export const MIN_BIRTH_YEAR = 1940;

const fail = (problem: NipProblem): NipParse => ({ ok: false, problem, reason: parseTexts('en').nip(problem) });
/** The easternmost time zone's offset (Kiribati, UTC+14). */
const LATEST_UTC_OFFSET_MS = 14 * 3_600_000;
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Parses an 18-digit NIP (spaces allowed, e.g. `19850312 201001 1 003`) and checks that its date, appointment, sex and sequence parts are plausible; `now` is only for "not in the future" checks. */
export function parseNip(input: string, now: number = Date.now()): NipParse {
  if (typeof input !== 'string') return fail({ code: 'missing' });
  let s = input.trim();
  if (s.startsWith("'") || s.startsWith('\u2019')) s = s.slice(1);
  s = s.replace(/[\s\u00A0\u2007\u202F]/g, '');
  if (s === '') return fail({ code: 'empty' });
  if (!/^\d+$/.test(s)) return fail({ code: 'notDigits' });
  if (s.length !== 18) return fail({ code: 'length', found: s.length });

  // "The future" is judged on the latest calendar on Earth (UTC+14): a month that has already begun in
  // Indonesia (up to UTC+9, WIT) is never refused because it has not begun in UTC yet. A plausibility
  // check, so a few hours of slack the other way costs nothing.
  const today = new Date(now + LATEST_UTC_OFFSET_MS);
  const curYear = today.getUTCFullYear();
  const curMonth = today.getUTCMonth() + 1;

  const by = Number(s.slice(0, 4));
  const bm = Number(s.slice(4, 6));
  const bd = Number(s.slice(6, 8));
  if (by < MIN_BIRTH_YEAR || by > curYear) return fail({ code: 'birthYear', year: by, min: MIN_BIRTH_YEAR, max: curYear });
  const birth = new Date(Date.UTC(by, bm - 1, bd));
  if (bm < 1 || bm > 12 || bd < 1 || birth.getUTCMonth() !== bm - 1 || birth.getUTCDate() !== bd) {
    return fail({ code: 'birthDate', date: s.slice(0, 8) });
  }

  const ay = Number(s.slice(8, 12));
  const code = Number(s.slice(12, 14));
  let employment: 'PNS' | 'PPPK';
  if (code >= 1 && code <= 12) employment = 'PNS';
  else if (code >= 21 && code <= 29) employment = 'PPPK';
  else return fail({ code: 'appointmentMonth', month: s.slice(12, 14) });
  if (ay < by + 17) return fail({ code: 'appointmentTooEarly', year: ay, birthYear: by });
  if (ay > curYear || (employment === 'PNS' && ay === curYear && code > curMonth)) {
    return fail({ code: 'appointmentFuture', appointed: s.slice(8, 14) });
  }

  const sexDigit = s[14];
  if (sexDigit !== '1' && sexDigit !== '2') return fail({ code: 'sexDigit', found: sexDigit ?? '' });
  if (s.slice(15) === '000') return fail({ code: 'sequence' });

  return {
    ok: true,
    nip: s as Nip,
    birthDate: `${by}-${pad2(bm)}-${pad2(bd)}`,
    appointed: employment === 'PNS' ? `${ay}-${pad2(code)}` : String(ay),
    sex: sexDigit === '1' ? 'L' : 'P',
    employment,
  };
}
