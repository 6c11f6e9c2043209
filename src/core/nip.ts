/**
 * NIP (Nomor Induk Pegawai) validation. A PNS NIP is birth date YYYYMMDD +
 * first appointment YYYYMM + sex digit + 3-digit sequence. A PPPK "NI" has the
 * same shape except that the month slot holds a contract code (21, 22, ... 24
 * for part-time), so it carries only the appointment year. Pure: no I/O.
 */
import type { Nip } from './ids.js';

/** What a valid NIP says about its holder; `appointed` is `YYYY-MM` (PNS) or `YYYY` (PPPK). */
export type NipInfo = {
  ok: true;
  nip: Nip;
  birthDate: string;
  appointed: string;
  sex: 'L' | 'P';
  employment: 'PNS' | 'PPPK';
};
/** Result of parsing a typed NIP: its parts, or why it was refused. */
export type NipParse = NipInfo | { ok: false; reason: string };

/** Oldest birth year accepted: anyone older has long retired. */
export const MIN_BIRTH_YEAR = 1940;

const fail = (reason: string): NipParse => ({ ok: false, reason });
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Parses an 18-digit NIP (spaces allowed, e.g. `19850312 201001 1 003`) and checks that its date, appointment, sex and sequence parts are plausible; `now` is only for "not in the future" checks. */
export function parseNip(input: string, now: number = Date.now()): NipParse {
  if (typeof input !== 'string') return fail('NIP is missing');
  let s = input.trim();
  if (s.startsWith("'") || s.startsWith('\u2019')) s = s.slice(1);
  s = s.replace(/[\s\u00A0\u2007\u202F]/g, '');
  if (s === '') return fail('NIP is empty');
  if (!/^\d+$/.test(s)) return fail('NIP must contain digits only');
  if (s.length !== 18) return fail(`NIP must have 18 digits, found ${s.length}`);

  const today = new Date(now);
  const curYear = today.getUTCFullYear();
  const curMonth = today.getUTCMonth() + 1;

  const by = Number(s.slice(0, 4));
  const bm = Number(s.slice(4, 6));
  const bd = Number(s.slice(6, 8));
  if (by < MIN_BIRTH_YEAR || by > curYear) return fail(`birth year ${by} is out of range (${MIN_BIRTH_YEAR}-${curYear})`);
  const birth = new Date(Date.UTC(by, bm - 1, bd));
  if (bm < 1 || bm > 12 || bd < 1 || birth.getUTCMonth() !== bm - 1 || birth.getUTCDate() !== bd) {
    return fail(`birth date ${s.slice(0, 8)} is not a real date`);
  }

  const ay = Number(s.slice(8, 12));
  const code = Number(s.slice(12, 14));
  let employment: 'PNS' | 'PPPK';
  if (code >= 1 && code <= 12) employment = 'PNS';
  else if (code >= 21 && code <= 29) employment = 'PPPK';
  else return fail(`appointment month ${s.slice(12, 14)} is invalid (01-12, or 21-29 for PPPK)`);
  if (ay < by + 17) return fail(`appointment year ${ay} is less than 17 years after birth year ${by}`);
  if (ay > curYear || (employment === 'PNS' && ay === curYear && code > curMonth)) {
    return fail(`appointment ${s.slice(8, 14)} is in the future`);
  }

  const sexDigit = s[14];
  if (sexDigit !== '1' && sexDigit !== '2') return fail(`sex digit must be 1 or 2, found ${sexDigit}`);
  if (s.slice(15) === '000') return fail('sequence number 000 is invalid (001-999)');

  return {
    ok: true,
    nip: s as Nip,
    birthDate: `${by}-${pad2(bm)}-${pad2(bd)}`,
    appointed: employment === 'PNS' ? `${ay}-${pad2(code)}` : String(ay),
    sex: sexDigit === '1' ? 'L' : 'P',
    employment,
  };
}
